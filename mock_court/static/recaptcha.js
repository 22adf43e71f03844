// The reCAPTCHA stub's api.js: an iframe titled "reCAPTCHA" in each div.g-recaptcha, and the
// hidden g-recaptcha-response textarea it fills with the token the frame posts.
(function () {
  "use strict";
  var anchorUrl = new URL("api2/anchor", document.currentScript.src);
  var widgets = [];

  function render(container) {
    var id = String(widgets.length);
    var frame = document.createElement("iframe");
    var url = new URL(anchorUrl);
    url.searchParams.set("k", container.dataset.sitekey || "");
    url.searchParams.set("id", id);
    frame.src = url.href;
    frame.title = "reCAPTCHA";
    frame.width = "304";
    frame.height = "98";
    frame.setAttribute("frameborder", "0");
    frame.setAttribute("scrolling", "no");
    var response = document.createElement("textarea");
    response.name = "g-recaptcha-response";
    response.id = id === "0" ? "g-recaptcha-response" : "g-recaptcha-response-" + id;
    response.className = "g-recaptcha-response";
    response.style.display = "none";
    container.appendChild(frame);
    container.appendChild(response);
    widgets.push({container: container, frame: frame, response: response});
  }

  window.addEventListener("message", function (event) {
    var data = event.data || {};
    var widget = data.source === "mock-recaptcha" && widgets[Number(data.widget)];
    if (!widget || event.source !== widget.frame.contentWindow) return;
    if (data.height) widget.frame.height = String(Math.max(98, data.height + 4));
    if (typeof data.token === "string") {
      widget.response.value = data.token;
      var name = data.token ? widget.container.dataset.callback : widget.container.dataset.expiredCallback;
      if (name && typeof window[name] === "function") window[name](data.token);
    }
  });

  function start() { document.querySelectorAll(".g-recaptcha").forEach(render); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
