// The reCAPTCHA stub's anchor frame: the checkbox. Verifies on a click; posts the token (or a
// request for the challenge frame) to the parent page, which says when it holds a token.
(function () {
  "use strict";
  var verifyUrl = document.currentScript.dataset.verifyUrl;
  var widget = new URLSearchParams(location.search).get("id") || "0";
  var box = document.getElementById("recaptcha-anchor");
  var status = document.getElementById("rc-status");

  function tell(message) { parent.postMessage(Object.assign({source: "mock-recaptcha", widget: widget}, message), "*"); }
  function say(text, ok) { status.textContent = text; status.className = ok ? "rc-status ok" : "rc-status"; }

  var expiresInMs = 0;

  // Checked only once the parent holds the token: it answers {verified: true} when it does.
  function verified() {
    box.checked = true;
    box.disabled = true;
    say("You are verified", true);
    if (expiresInMs) setTimeout(expire, expiresInMs);
  }

  function expire() {
    box.checked = false;
    box.disabled = false;
    say("Verification expired. Check the checkbox again.");
    tell({expired: true});  // the expired token stays in the form: the server says it expired
  }

  function answer(reply) {
    if (reply.token) { expiresInMs = reply.expires_in_ms || 0; tell({token: reply.token}); }
    else if (reply.challenge) { box.checked = false; say(""); tell({challenge: true}); }
    else { box.checked = false; say(reply.error || "Verification failed. Please try again."); }
  }

  box.addEventListener("change", function () {
    if (!box.checked) return;
    box.checked = false;  // until verified
    say("Verifying...", true);
    fetch(verifyUrl, {method: "POST", headers: {"Content-Type": "application/json"}, body: "{}"})
      .then(function (r) { return r.json(); })
      .then(answer)
      .catch(function () { box.checked = false; say("Cannot contact reCAPTCHA. Check your connection and try again."); });
  });

  // The parent has the token (from this frame or the challenge's).
  window.addEventListener("message", function (event) {
    if (event.source === parent && event.data && event.data.verified) verified();
  });

  box.disabled = false;  // rendered disabled until this script can handle a click
})();
