/* Text size (A / A+ / A++) and high-contrast mode for readers, remembered in localStorage (no cookie).
   Progressive enhancement: loaded in <head> so the saved choice applies before the first paint; the
   controls stay hidden without JavaScript, and the page works the same without them. */
(function () {
  "use strict";
  var SIZE_KEY = "portal.textSize";
  var CONTRAST_KEY = "portal.highContrast";
  var SIZES = ["normal", "large", "xlarge"];
  var root = document.documentElement;

  function load(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: still applies to this page */ }
  }
  function currentSize() {
    var size = load(SIZE_KEY);
    return SIZES.indexOf(size) === -1 ? "normal" : size;
  }
  function apply(size, contrast) {
    SIZES.forEach(function (name) { root.classList.remove("text-size-" + name); });
    if (size !== "normal") { root.classList.add("text-size-" + size); }
    root.classList.toggle("high-contrast", contrast);
  }

  apply(currentSize(), load(CONTRAST_KEY) === "on");

  function wire() {
    var panel = document.querySelector("[data-reading-controls]");
    if (panel) {
      var sizeButtons = panel.querySelectorAll("[data-text-size]");
      var contrastButton = panel.querySelector("[data-high-contrast]");
      var refresh = function () {
        var size = currentSize();
        Array.prototype.forEach.call(sizeButtons, function (button) {
          button.setAttribute("aria-pressed", String(button.getAttribute("data-text-size") === size));
        });
        contrastButton.setAttribute("aria-pressed", String(root.classList.contains("high-contrast")));
      };
      Array.prototype.forEach.call(sizeButtons, function (button) {
        button.addEventListener("click", function () {
          save(SIZE_KEY, button.getAttribute("data-text-size"));
          apply(currentSize(), root.classList.contains("high-contrast"));
          refresh();
        });
      });
      contrastButton.addEventListener("click", function () {
        var on = !root.classList.contains("high-contrast");
        save(CONTRAST_KEY, on ? "on" : "off");
        apply(currentSize(), on);
        refresh();
      });
      refresh();
      panel.hidden = false;
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.addEventListener("click", function () { window.print(); });
      button.hidden = false;
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
