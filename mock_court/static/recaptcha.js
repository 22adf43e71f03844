// The reCAPTCHA stub's api.js: in each div.g-recaptcha an iframe titled "reCAPTCHA" (the
// checkbox) and a hidden g-recaptcha-response textarea; when the checkbox asks for a challenge,
// a second iframe titled "reCAPTCHA challenge expires in two minutes" pops up beside it.
(function () {
  "use strict";
  var script = document.currentScript;
  var widgets = [];

  function frameUrl(path, container, id) {
    var url = new URL(path, script.src);
    url.searchParams.set("k", container.dataset.sitekey || "");
    url.searchParams.set("id", id);
    return url.href;
  }

  function render(container) {
    var id = String(widgets.length);
    var anchor = document.createElement("iframe");
    anchor.src = frameUrl("api2/anchor", container, id);
    anchor.title = "reCAPTCHA";
    anchor.width = "304";
    anchor.height = "98";
    anchor.setAttribute("frameborder", "0");
    anchor.setAttribute("scrolling", "no");
    var response = document.createElement("textarea");
    response.name = "g-recaptcha-response";
    response.id = id === "0" ? "g-recaptcha-response" : "g-recaptcha-response-" + id;
    response.className = "g-recaptcha-response";
    response.style.display = "none";
    container.style.position = "relative";
    container.appendChild(anchor);
    container.appendChild(response);
    widgets.push({container: container, anchor: anchor, response: response, challenge: null});
  }

  function showChallenge(widget, id) {
    if (widget.challenge) widget.challenge.remove();
    var frame = document.createElement("iframe");
    frame.src = frameUrl("api2/bframe", widget.container, id);
    frame.title = "reCAPTCHA challenge expires in two minutes";
    frame.width = "320";
    frame.height = "445";
    frame.setAttribute("frameborder", "0");
    frame.style.cssText = "position:absolute;left:310px;top:-180px;z-index:30;background:#fff;" +
      "border:1px solid #ccc;box-shadow:0 0 10px rgba(0,0,0,.3)";
    widget.container.appendChild(frame);
    widget.challenge = frame;
  }

  function setToken(widget, token) {
    widget.response.value = token;
    var name = widget.container.dataset.callback;
    if (name && typeof window[name] === "function") window[name](token);
  }

  window.addEventListener("message", function (event) {
    var data = event.data || {};
    var widget = data.source === "mock-recaptcha" && widgets[Number(data.widget)];
    if (!widget) return;
    var fromAnchor = event.source === widget.anchor.contentWindow;
    var fromChallenge = widget.challenge && event.source === widget.challenge.contentWindow;
    if (fromAnchor && data.challenge) showChallenge(widget, data.widget);
    if ((fromAnchor || fromChallenge) && data.token) {
      setToken(widget, data.token);
      if (fromChallenge) { widget.challenge.remove(); widget.challenge = null; }
      widget.anchor.contentWindow.postMessage({verified: true}, "*");  // now the box shows checked
    }
    if (fromAnchor && data.expired) {
      var name = widget.container.dataset.expiredCallback;
      if (name && typeof window[name] === "function") window[name]();
    }
  });

  function start() { document.querySelectorAll(".g-recaptcha").forEach(render); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
