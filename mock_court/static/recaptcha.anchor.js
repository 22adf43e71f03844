// The reCAPTCHA stub's anchor frame: the checkbox. Verifies on a click; posts the token (or a
// request for the challenge frame) to the parent page, which forwards the challenge's result.
(function () {
  "use strict";
  var verifyUrl = document.currentScript.dataset.verifyUrl;
  var widget = new URLSearchParams(location.search).get("id") || "0";
  var box = document.getElementById("recaptcha-anchor");
  var status = document.getElementById("rc-status");

  function tell(message) { parent.postMessage(Object.assign({source: "mock-recaptcha", widget: widget}, message), "*"); }
  function say(text, ok) { status.textContent = text; status.className = ok ? "rc-status ok" : "rc-status"; }

  function verified(token, expiresInMs) {
    box.checked = true;
    box.disabled = true;
    say("You are verified", true);
    if (token) tell({token: token});
    if (expiresInMs) setTimeout(expire, expiresInMs);
  }

  function expire() {
    box.checked = false;
    box.disabled = false;
    say("Verification expired. Check the checkbox again.");
    tell({expired: true});  // the expired token stays in the form: the server says it expired
  }

  function answer(reply) {
    if (reply.token) verified(reply.token, reply.expires_in_ms);
    else if (reply.challenge) { box.checked = false; say(""); tell({challenge: true}); }
    else { box.checked = false; say(reply.error || "Verification failed. Please try again."); }
  }

  box.addEventListener("change", function () {
    if (!box.checked) return;
    say("Verifying...", true);
    fetch(verifyUrl, {method: "POST", headers: {"Content-Type": "application/json"}, body: "{}"})
      .then(function (r) { return r.json(); })
      .then(answer)
      .catch(function () { box.checked = false; say("Cannot contact reCAPTCHA. Check your connection and try again."); });
  });

  // The parent says the challenge was solved.
  window.addEventListener("message", function (event) {
    if (event.source === parent && event.data && event.data.verified) verified();
  });
})();
