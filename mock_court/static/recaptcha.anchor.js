// The reCAPTCHA stub's anchor frame: verify on a click, solve the challenge, post the token to the parent.
(function () {
  "use strict";
  var verifyUrl = document.currentScript.dataset.verifyUrl;
  var widget = new URLSearchParams(location.search).get("id") || "0";
  var box = document.getElementById("recaptcha-anchor");
  var status = document.getElementById("rc-status");
  var challenge = document.getElementById("rc-challenge");
  var challengeError = document.getElementById("rc-challenge-error");
  var tiles = Array.prototype.slice.call(document.querySelectorAll(".rc-tile"));

  function tell(message) {
    parent.postMessage(Object.assign({source: "mock-recaptcha", widget: widget}, message), "*");
  }
  function resize() { tell({height: document.body.scrollHeight}); }
  function say(text, ok) { status.textContent = text; status.className = ok ? "rc-status ok" : "rc-status"; }

  function showChallenge(error) {
    box.checked = false;
    tiles.forEach(function (t) { t.setAttribute("aria-pressed", "false"); });
    challengeError.textContent = error || "";
    challenge.hidden = false;
    resize();
  }

  function answer(reply) {
    if (reply.token) {
      challenge.hidden = true;
      box.checked = true;
      box.disabled = true;
      say("You are verified", true);
      tell({token: reply.token});
      resize();
      if (reply.expires_in_ms) setTimeout(expire, reply.expires_in_ms);
    } else if (reply.challenge) {
      say("");
      showChallenge(reply.error);
    } else {
      box.checked = false;
      say(reply.error || "Verification failed. Please try again.");
      resize();
    }
  }

  function expire() {
    box.checked = false;
    box.disabled = false;
    say("Verification expired. Check the checkbox again.");
    tell({token: ""});
  }

  function ask(body) {
    return fetch(verifyUrl, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
      .then(function (r) { return r.json(); })
      .then(answer)
      .catch(function () { box.checked = false; say("Cannot contact reCAPTCHA. Check your connection and try again."); });
  }

  box.addEventListener("change", function () {
    if (!box.checked) return;
    say("Verifying...", true);
    ask({});
  });
  tiles.forEach(function (tile) {
    tile.addEventListener("click", function () {
      tile.setAttribute("aria-pressed", tile.getAttribute("aria-pressed") === "true" ? "false" : "true");
    });
  });
  document.getElementById("rc-verify").addEventListener("click", function () {
    var selected = tiles.filter(function (t) { return t.getAttribute("aria-pressed") === "true"; })
      .map(function (t) { return Number(t.dataset.index); });
    ask({selected: selected});
  });
})();
