// The reCAPTCHA stub's challenge frame: send the checked pictures; on success post the token to the parent.
(function () {
  "use strict";
  var verifyUrl = document.currentScript.dataset.verifyUrl;
  var widget = new URLSearchParams(location.search).get("id") || "0";
  var error = document.getElementById("rc-challenge-error");
  var tiles = Array.prototype.slice.call(document.querySelectorAll("input[name=tile]"));

  var verifyButton = document.getElementById("rc-verify");
  verifyButton.disabled = false;  // rendered disabled until this script can handle it
  verifyButton.addEventListener("click", function () {
    var selected = tiles.filter(function (t) { return t.checked; }).map(function (t) { return t.value; });
    fetch(verifyUrl, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({selected: selected})})
      .then(function (r) { return r.json(); })
      .then(function (reply) {
        tiles.forEach(function (t) { t.checked = false; });
        if (reply.token) {
          error.textContent = "";
          parent.postMessage({source: "mock-recaptcha", widget: widget, token: reply.token}, "*");
        } else {
          error.textContent = reply.error || "Please try again.";
        }
      });
  });
})();
