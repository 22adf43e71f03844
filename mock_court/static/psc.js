// PACER Service Center forms: County after State, "Choose Date", the criteria pop-up notes,
// and "Use billing address". Plain JS; every form also works without it.
(function () {
  "use strict";
  function $(id) { return document.getElementById(id); }

  // County appears once a State is chosen, filled with that state's counties.
  // Each feature also catches up with what was done before this script ran (a slow page).
  var state = $("state");
  if (state && state.dataset.countiesUrl) {
    var county = $(state.dataset.county);
    var showCounties = function () {
      var row = $("row-" + state.dataset.county);
      county.length = 1;
      if (!state.value) { row.hidden = true; return; }
      fetch(state.dataset.countiesUrl + "?state=" + encodeURIComponent(state.value))
        .then(function (r) { return r.json(); })
        .then(function (data) {
          (data.counties || []).forEach(function (name) { county.add(new Option(name, name)); });
          row.hidden = !county.options.length;
        });
    };
    state.addEventListener("change", showCounties);
    if (state.value && county.options.length <= 1) showCounties();
  }

  // "Choose Date" opens the date picker where the browser can, else focuses the date input.
  document.querySelectorAll(".choose-date").forEach(function (button) {
    button.addEventListener("click", function () {
      var input = $(button.dataset.for);
      input.focus();
      try { if (input.showPicker) input.showPicker(); } catch (e) { /* focus is enough */ }
    });
  });

  // Pop-up notes: shown while their field has focus; `keep` leaves one up once something is typed.
  function popup(input, note, update, keep) {
    if (!input || !note) return;
    input.addEventListener("focus", function () { note.hidden = false; if (update) update(); });
    input.addEventListener("input", function () { note.hidden = false; if (update) update(); });
    input.addEventListener("blur", function () { if (!(keep && input.value)) note.hidden = true; });
    if (document.activeElement === input || (keep && input.value)) { note.hidden = false; if (update) update(); }
  }
  popup($("username"), $("username-note"));

  // The password criteria, the same as mock_court/sites/psc/forms.py's password_checks.
  var password = $("password");
  var note = $("password-note");
  if (password && note) {
    var fixedParts = JSON.parse(password.dataset.nameParts || "[]");
    var usernameInput = password.dataset.username && $(password.dataset.username);
    var letters = /[^\W\d_]{3,}/g;
    popup(password, note, function () {
      var value = password.value, lowered = value.toLowerCase();
      var parts = fixedParts.concat(usernameInput ? (usernameInput.value.toLowerCase().match(letters) || []) : []);
      var checks = {
        length: value.length >= 14 && value.length <= 45,
        lower: /\p{Ll}/u.test(value),
        upper: /\p{Lu}/u.test(value),
        special: /[^\p{L}\p{N}\s]/u.test(value),
        personal: !parts.some(function (part) { return lowered.indexOf(part) !== -1; })
      };
      note.querySelectorAll("[data-criterion]").forEach(function (item) {
        var met = value.length > 0 && checks[item.dataset.criterion];
        item.className = met ? "met" : "unmet";
        item.querySelector(".state").textContent = met ? " (met)" : " (not met)";
      });
    }, true);
  }

  // "Use billing address" copies the Account Information address into the billing fields.
  var useBilling = $("use_billing_address");
  if (useBilling) {
    var copyAddress = function () {
      if (!useBilling.checked) return;
      var address = JSON.parse(useBilling.dataset.address || "{}");
      Object.keys(address).forEach(function (name) { var field = $(name); if (field) field.value = address[name] || ""; });
    };
    useBilling.addEventListener("change", copyAddress);
    var typedFields = Object.keys(JSON.parse(useBilling.dataset.address || "{}")).map($)
      .filter(function (field) { return field && field.tagName === "INPUT"; });
    if (typedFields.every(function (field) { return !field.value; })) copyAddress();
  }
})();
