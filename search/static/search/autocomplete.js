/* Autocomplete for the search form: an ARIA 1.2 combobox (list autocomplete) added on top of a
   plain form that works without JavaScript. Suggestions come from /api/search?mode=suggest.
   Keys: ↓/↑ move through suggestions, Enter opens the highlighted one, Escape closes the list. */
(function () {
  "use strict";
  var DELAY = 150;
  var MIN_LENGTH = 2;

  function enhance(form) {
    var input = form.querySelector("input[type=search]");
    var endpoint = form.getAttribute("data-autocomplete");
    if (!input || !endpoint || input.getAttribute("role") === "combobox") return;
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    var status = document.createElement("p");
    var options = [];
    var active = -1;
    var timer = null;
    var request = 0;

    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.getAttribute("data-autocomplete-label") || "");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.parentNode.appendChild(list);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function close() {
      list.hidden = true;
      list.textContent = "";
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(results) {
      close();
      if (!results.length) {
        status.textContent = "";
        return;
      }
      results.forEach(function (result, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", result.url);
        var title = document.createElement("span");
        title.className = "search-suggestions__title";
        title.textContent = result.title;
        var type = document.createElement("span");
        type.className = "search-suggestions__type";
        type.textContent = result.type;
        option.appendChild(title);
        option.appendChild(type);
        option.addEventListener("mousedown", function (event) { event.preventDefault(); });
        option.addEventListener("click", function () { window.location.href = result.url; });
        list.appendChild(option);
        options.push(option);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      status.textContent = results.length + " " + (form.getAttribute("data-autocomplete-status") || "");
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query.length < MIN_LENGTH) {
        close();
        return;
      }
      var mine = ++request;
      fetch(endpoint + "&q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (mine === request) render(data.results || []); })
        .catch(function () { close(); });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && options.length) {
        event.preventDefault();
        highlight((active + 1) % options.length);
      } else if (event.key === "ArrowUp" && options.length) {
        event.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.href = options[active].getAttribute("data-url");
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-autocomplete]"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
