// Central sign-on page: the redaction agreement's Continue button waits for its checkbox,
// the dialog is shown modal, and a browser without cookies is warned.
(function () {
  if (!navigator.cookieEnabled) {
    document.getElementById("cookie-warning").hidden = false;
  }
  var prompt = document.getElementById("mfaPrompt:dlgMfa");
  if (prompt && prompt.showModal) { prompt.close(); prompt.showModal(); }
  var dialog = document.getElementById("regmsg:dlgRedact");
  if (!dialog) { return; }
  var box = document.getElementById("regmsg:chkRedact");
  var button = document.getElementById("regmsg:bpmConfirm");
  var sync = function () { button.disabled = !box.checked; };
  box.addEventListener("change", sync);
  sync();
  if (dialog.showModal) { dialog.close(); dialog.showModal(); }
})();
