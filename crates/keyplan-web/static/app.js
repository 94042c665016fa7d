// Small enhancements; every page works without this file.
(function () {
  "use strict";
  // One popover open at a time; Escape or a click outside closes it.
  function closeOthers(except) {
    document.querySelectorAll("details.pop[open], details.panel-form.right[open]").forEach(function (d) {
      if (d !== except && !d.contains(except)) d.removeAttribute("open");
    });
  }
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (d.matches && d.matches("details.pop, details.panel-form.right") && d.open) {
      closeOthers(d);
      var first = d.querySelector("textarea, input:not([type=hidden]), select");
      if (first) first.focus();
    }
  }, true);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") closeOthers(null);
  });
  document.addEventListener("click", function (e) {
    if (!e.target.closest("details.pop, details.panel-form.right, .inline-edit")) {
      closeOthers(null);
      closeInline(null);
    }
  });
  // A node's ✎ links to its edit page; here the page's form is fetched into
  // place instead (the plan page carries no edit form per node).
  function closeInline(except) {
    document.querySelectorAll(".pop-panel.inline-edit").forEach(function (p) { if (p !== except) p.remove(); });
  }
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") closeInline(null);
  });
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-inline-edit]");
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    var open = a.parentNode.querySelector(".inline-edit");
    closeOthers(null);
    closeInline(open);
    if (open) { open.remove(); return; }
    fetch(a.href, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        // The delete link (…/edit#delete) takes the delete form; the edit link the edit panel.
        var part = a.getAttribute("data-inline-edit") || (a.hash === "#delete" ? "form.node-delete-form" : ".node-edit-inline");
        var form = new DOMParser().parseFromString(html, "text/html").querySelector(part);
        if (!form) { location.href = a.href; return; }
        var panel = document.createElement("div");
        panel.className = "pop-panel inline-edit" + (part.indexOf("delete") >= 0 ? " small" : "");
        panel.appendChild(document.importNode(form, true));
        a.parentNode.appendChild(panel);
        var first = panel.querySelector("textarea, input:not([type=hidden]), select, button");
        if (first) first.focus();
      })
      .catch(function () { location.href = a.href; });
  });
  // A field holding a suggestion (a new plan's title) selects it when first
  // focused, so that typing replaces it.
  document.addEventListener("focusin", function (e) {
    var f = e.target;
    if (f.matches && f.matches("input[data-select]") && !f.dataset.selectedOnce) {
      f.dataset.selectedOnce = "1";
      f.select();
    }
  });
  // Let the confirmation message fade after a few seconds.
  var flash = document.querySelector(".flash");
  if (flash) setTimeout(function () { flash.style.transition = "opacity .6s"; flash.style.opacity = "0"; }, 6000);
  // Bring a freshly changed node into view (the URL ends in #node-N).
  if (location.hash.indexOf("#node-") === 0) {
    var el = document.querySelector(location.hash);
    if (el) { el.classList.add("flash-node"); }
  }
})();
// Search fields (accounts, colleagues): suggest matches from the API as one types;
// picking one fills in its id. Without this script the server resolves the text.
(function () {
  "use strict";
  var seq = 0;
  function enhance(box) {
    var input = box.querySelector("input:not([type=hidden])");
    var hidden = box.querySelector("input[type=hidden]");
    var list = document.createElement("ul");
    var timer = null;
    var listId = "suggest-" + (++seq);
    list.className = "suggest";
    list.id = listId;
    list.setAttribute("role", "listbox");
    list.hidden = true;
    box.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); }
    function choose(item) {
      input.value = item.name;
      hidden.value = String(item.id);
      close();
    }
    function show(items) {
      list.textContent = "";
      items.forEach(function (item) {
        var li = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button";
        b.setAttribute("role", "option");
        b.textContent = item.name;
        var detail = item.crm_id || item.email || item.region || "";
        if (detail) {
          var small = document.createElement("small");
          small.textContent = detail;
          b.appendChild(small);
        }
        b.addEventListener("mousedown", function (e) { e.preventDefault(); });
        b.addEventListener("click", function () { choose(item); input.focus(); });
        li.appendChild(b);
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
    }
    function search() {
      var q = input.value.trim();
      if (!q) { close(); return; }
      var url = box.getAttribute("data-search") + "?per_page=8&q=" + encodeURIComponent(q);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { if (input.value.trim() === q) show(Array.isArray(items) ? items : []); })
        .catch(function () { close(); });
    }
    input.addEventListener("input", function () {
      hidden.value = "";
      clearTimeout(timer);
      timer = setTimeout(search, 150);
    });
    input.addEventListener("keydown", function (e) {
      var buttons = Array.prototype.slice.call(list.querySelectorAll("button"));
      var at = buttons.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && buttons.length) { e.preventDefault(); buttons[0].focus(); }
      if (e.key === "Escape") close();
      if (at >= 0 && e.key === "Enter") e.preventDefault();
    });
    list.addEventListener("keydown", function (e) {
      var buttons = Array.prototype.slice.call(list.querySelectorAll("button"));
      var at = buttons.indexOf(document.activeElement);
      if (e.key === "ArrowDown" && at < buttons.length - 1) { e.preventDefault(); buttons[at + 1].focus(); }
      if (e.key === "ArrowUp") { e.preventDefault(); if (at > 0) buttons[at - 1].focus(); else input.focus(); }
      if (e.key === "Escape") { close(); input.focus(); }
    });
    input.addEventListener("blur", function () { setTimeout(function () { if (!box.contains(document.activeElement)) close(); }, 150); });
  }
  function enhanceAll(root) {
    root.querySelectorAll(".search-field[data-search]").forEach(function (box) {
      // The script suggests from the whole organisation: the page's short list
      // of the plan's people is for browsers without it.
      var typed = box.querySelector("input:not([type=hidden])");
      if (typed) typed.removeAttribute("list");
      enhance(box);
    });
  }
  enhanceAll(document);
  // A part of the page replaced in place (an add without reload) is enhanced again.
  document.addEventListener("keyplan:replaced", function (e) { enhanceAll(e.detail); });
})();

// Workshop-speed entry (issue 15): an add form of the plan's tree is sent
// without leaving the page. The server answers as it does without a script
// (a redirect to the plan with the same add form open again); the tree's
// section of that answer replaces the one on the page, the scroll position
// stays, and the keyboard goes back into the reopened form's first field.
// Any failure falls back to the plain form submission.
(function () {
  function sectionOf(el) { return el.closest("section.plan-section"); }
  // An entry's "+ Add …" is a link to the plan with that add form open (the
  // page carries no form per entry); here the form is fetched into its place.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-add-form]");
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || !window.fetch || !window.DOMParser) return;
    e.preventDefault();
    fetch(a.href, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var form = new DOMParser().parseFromString(html, "text/html").getElementById(a.id);
        if (!form || !form.querySelector("form")) throw new Error("form");
        var placed = document.importNode(form, true);
        a.replaceWith(placed);
        var first = placed.querySelector("textarea, input:not([type=hidden]), select");
        if (first) first.focus();
        document.dispatchEvent(new CustomEvent("keyplan:replaced", { detail: placed }));
      })
      .catch(function () { location.href = a.href; });
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.matches || !form.matches("details.add > form[action$='/nodes']") || !window.fetch || !window.DOMParser) return;
    var section = sectionOf(form);
    if (!section || !section.id) return;
    e.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin" })
      .then(function (r) {
        return r.text().then(function (html) { return { ok: r.ok || r.status === 422, url: r.url, html: html }; });
      })
      .then(function (res) {
        if (!res.ok) throw new Error("status");
        var doc = new DOMParser().parseFromString(res.html, "text/html");
        var fresh = doc.getElementById(section.id);
        if (!fresh) throw new Error("section");
        // The address names the newest node (#node-N), as the redirect without a script does.
        function nodeIds(root) {
          var ids = {};
          root.querySelectorAll("[id^='node-'], [id^='goal-']").forEach(function (n) {
            var m = /^(?:node|goal)-(\d+)$/.exec(n.id);
            if (m) ids[m[1]] = true;
          });
          return ids;
        }
        var before = nodeIds(section);
        section.replaceWith(fresh);
        var added = null;
        Object.keys(nodeIds(fresh)).forEach(function (id) { if (!before[id] && (added === null || +id > +added)) added = id; });
        if (added !== null) {
          added = "node-" + added;
          var shown = document.getElementById(added);
          if (shown) shown.classList.add("flash-node");
        }
        var flash = doc.querySelector(".flash");
        var here = document.querySelector(".flash");
        if (flash && here) here.replaceWith(flash); else if (flash) fresh.before(flash);
        var again = fresh.querySelector("details.add[open] textarea[autofocus], details.add[open] [aria-invalid=true]");
        if (again) { again.focus(); again.scrollIntoView({ block: "nearest" }); }
        if (res.url) history.replaceState(null, "", res.url.split("#")[0] + (added ? "#" + added : ""));
        document.dispatchEvent(new CustomEvent("keyplan:replaced", { detail: fresh }));
      })
      .catch(function () { if (button) button.disabled = false; form.submit(); });
  });
})();

// The tabs under the plan (issue 18): the page carries only the panel asked
// for (`?tab=…`). A tab, or an anchor inside a panel that is not in the page
// (`#coach`, `#joint-12`, `#customer-comment-3`…), fetches its panel into
// place and shows it; without the script, the tab's link loads the page with it.
(function () {
  var panels = document.querySelectorAll(".plan-panel[id^='panel-']");
  if (!panels.length || !window.fetch || !window.DOMParser) return;
  var tabOf = function (hash) {
    var id = hash.replace(/^#/, "");
    if (/^(reviews|timeline|coach|customer|discussion)$/.test(id)) return id;
    if (/^(ratings|plan-review|review-schedule)$/.test(id)) return "reviews";
    if (/^joint-/.test(id)) return "customer";
    if (/^(customer-comment-|comment-|activity)/.test(id)) return "discussion";
    return null;
  };
  function show(panel, anchor) {
    panels.forEach(function (p) { if (p !== panel) p.classList.remove("shown"); });
    panel.classList.add("shown");
    var target = document.getElementById(anchor) || panel;
    if (location.hash !== "#" + anchor) history.pushState(null, "", location.pathname + "#" + anchor);
    target.scrollIntoView({ block: "start" });
  }
  function open(tab, anchor) {
    var panel = document.getElementById("panel-" + tab);
    if (!panel) return false;
    if (panel.children.length) { show(panel, anchor); return true; }
    fetch(location.pathname + "?tab=" + tab, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(panel.id);
        if (!fresh || !fresh.children.length) throw new Error("panel");
        panel.replaceChildren.apply(panel, Array.prototype.map.call(fresh.childNodes, function (n) { return document.importNode(n, true); }));
        document.dispatchEvent(new CustomEvent("keyplan:replaced", { detail: panel }));
        show(panel, anchor);
      })
      .catch(function () { location.href = location.pathname + "?tab=" + tab + "#" + anchor; });
    return true;
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[href]");
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    var url = new URL(a.href, location.href);
    var tab = url.searchParams.get("tab");
    if (url.pathname !== location.pathname || !tab || !url.hash) return;
    if (open(tab, url.hash.slice(1))) e.preventDefault();
  });
  function fromHash() {
    var id = location.hash.slice(1);
    if (!id || document.getElementById(id)) return;
    var tab = tabOf(location.hash);
    if (tab) open(tab, id);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
