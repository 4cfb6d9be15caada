/* Autosave of an application's answers: no words lost to a dropped connection or a second tab.
 *
 * Each question is an element with [data-autosave] and hx-post: htmx sends its inputs a moment
 * after typing stops, with the revision the answer started from. This script adds:
 * - a copy of every unsaved answer in localStorage (key: data-autosave-key), removed once the
 *   server confirms; restored after a reload when newer than the server's save;
 * - "not saved, will retry" on network or server errors, and retries (also when back online);
 * - the server's 400 (refused) and 409 (changed elsewhere) fragments shown, not dropped;
 * - live character counters that count exactly as the server (charcount.py);
 * - add/remove rows in team and budget tables; pending answers saved before a form with
 *   [data-after-saves] (submit, upload) is sent.
 * Plain JavaScript, no dependency but htmx.
 */
(function () {
  "use strict";

  var texts = {};
  var RETRY_FIRST_MS = 3000;
  var RETRY_MAX_MS = 60000;

  function countChars(value) {
    return Array.from(value.replace(/\r\n/g, "\n").normalize("NFC")).length;
  }

  function containerOf(node) {
    return node && node.closest ? node.closest("[data-autosave]") : null;
  }

  // The autosaving element that made the request (beforeSwap is fired on the swap target).
  function requester(event) {
    var detail = event.detail;
    var elt = (detail.requestConfig && detail.requestConfig.elt) || detail.elt;
    return elt && elt.hasAttribute && elt.hasAttribute("data-autosave") ? elt : null;
  }

  function fields(container) {
    return Array.prototype.filter.call(
      container.querySelectorAll("input, textarea, select"),
      function (el) {
        return el.name && el.name !== "revision" && el.name !== "csrfmiddlewaretoken" && el.type !== "file";
      }
    );
  }

  function serialize(container) {
    return fields(container).map(function (el) {
      if (el.type === "checkbox" || el.type === "radio") return [el.name, el.value, el.checked];
      return [el.name, el.value];
    });
  }

  function revisionInput(container) {
    return container.querySelector("input[name=revision]");
  }

  // localStorage can be full or forbidden (private windows): autosave still works without it.
  function load(container) {
    try {
      return JSON.parse(window.localStorage.getItem(container.dataset.autosaveKey));
    } catch (error) {
      return null;
    }
  }

  function store(container) {
    var entry = {
      fields: serialize(container),
      at: Date.now(),
      revision: Number(revisionInput(container).value)
    };
    try {
      window.localStorage.setItem(container.dataset.autosaveKey, JSON.stringify(entry));
    } catch (error) { /* keep going: the server save is what matters */ }
  }

  function forget(container) {
    try {
      window.localStorage.removeItem(container.dataset.autosaveKey);
    } catch (error) { /* nothing to do */ }
  }

  function statusOf(container) {
    return container.querySelector(".autosave-status");
  }

  function say(container, text, tone) {
    var status = statusOf(container);
    status.textContent = text;
    status.dataset.tone = tone || "";
    status.classList.toggle("text-danger", tone === "error");
    status.classList.toggle("text-body-secondary", tone !== "error");
  }

  function save(container) {
    if (window.htmx) window.htmx.trigger(container, "change");
  }

  // Counters ------------------------------------------------------------------------------

  function updateCount(field) {
    var counter = document.querySelector("[data-count-for='" + field.id + "']");
    if (!counter) return;
    var max = Number(field.dataset.maxChars);
    var count = countChars(field.value);
    var over = count > max;
    counter.querySelector("[data-count]").textContent = String(count);
    counter.classList.toggle("text-danger", over);
    counter.classList.toggle("fw-semibold", over);
    field.classList.toggle("is-invalid", over);
    if (over) field.setAttribute("aria-invalid", "true");
    else field.removeAttribute("aria-invalid");
  }

  // Tables --------------------------------------------------------------------------------

  function renumber(table) {
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row, index) {
      row.querySelectorAll("[aria-label]").forEach(function (el) {
        el.setAttribute("aria-label", el.getAttribute("aria-label").replace(/\s\d+$/, "") + " " + (index + 1));
      });
    });
  }

  function addRow(container, focus) {
    var table = container.querySelector("[data-table]");
    var body = table.tBodies[0];
    var row = body.rows[body.rows.length - 1].cloneNode(true);
    row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
    body.appendChild(row);
    renumber(table);
    if (focus) row.querySelector("input").focus();
  }

  function removeRow(button) {
    var container = containerOf(button);
    var table = button.closest("[data-table]");
    var row = button.closest("tr");
    if (table.tBodies[0].rows.length > 1) row.remove();
    else row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
    renumber(table);
    table.querySelector("tbody input").focus();
    store(container);
    container.dataset.dirty = "1";
    save(container);
  }

  // Local copies --------------------------------------------------------------------------

  function restore(container, entry) {
    var table = container.querySelector("[data-table]");
    var firstName = table && table.querySelector("tbody input").name;
    if (table) {
      var needed = entry.fields.filter(function (f) { return f[0] === firstName; }).length;
      while (table.tBodies[0].rows.length < needed) addRow(container, false);
    }
    var byName = {};
    entry.fields.forEach(function (f) { (byName[f[0]] = byName[f[0]] || []).push(f); });
    var seen = {};
    fields(container).forEach(function (el) {
      var list = byName[el.name] || [];
      if (el.type === "checkbox" || el.type === "radio") {
        var match = list.filter(function (f) { return f[1] === el.value; })[0];
        el.checked = Boolean(match && match[2]);
        return;
      }
      var index = seen[el.name] || 0;
      seen[el.name] = index + 1;
      if (list[index]) el.value = list[index][1];
      if (el.dataset.maxChars) updateCount(el);
    });
  }

  function offerOlderCopy(container, entry) {
    var status = statusOf(container);
    say(container, texts.olderCopy + " ");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-link btn-sm p-0 align-baseline";
    button.textContent = texts.restore;
    button.addEventListener("click", function () {
      restore(container, entry);
      store(container);
      container.dataset.dirty = "1";
      save(container);
    });
    status.appendChild(button);
  }

  function restoreAll() {
    document.querySelectorAll("[data-autosave]").forEach(function (container) {
      var entry = load(container);
      if (!entry || !entry.fields) return;
      if (JSON.stringify(entry.fields) === JSON.stringify(serialize(container))) {
        forget(container);
        return;
      }
      if (entry.at > Number(container.dataset.savedAt || 0)) {
        // Newer than the server's save: put it back and send it from the revision it was
        // typed on, so that a change saved elsewhere meanwhile comes back as a conflict.
        restore(container, entry);
        revisionInput(container).value = String(entry.revision);
        container.dataset.dirty = "1";
        say(container, texts.restored);
        save(container);
      } else {
        offerOlderCopy(container, entry);
      }
    });
  }

  // Retries -------------------------------------------------------------------------------

  function scheduleRetry(container) {
    var delay = Math.min(Number(container.dataset.retryMs || RETRY_FIRST_MS), RETRY_MAX_MS);
    container.dataset.retryMs = String(delay * 2);
    window.clearTimeout(container._retry);
    container._retry = window.setTimeout(function () { save(container); }, delay);
  }

  function failed(container) {
    delete container.dataset.inflight;
    say(container, texts.notSaved, "error");
    scheduleRetry(container);
  }

  // htmx events ---------------------------------------------------------------------------

  document.addEventListener("htmx:beforeRequest", function (event) {
    var container = requester(event);
    if (!container) return;
    container.dataset.sentAt = String(Date.now());
    container.dataset.inflight = "1";
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    var container = requester(event);
    if (!container) return;
    var state = event.detail.xhr.getResponseHeader("X-Autosave");
    if (!state) {
      // Not our fragment (a login page after the session expired, a proxy's error page…).
      event.detail.shouldSwap = false;
      event.detail.isError = false;
      failed(container);
    } else if (state === "error" || state === "conflict") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterRequest", function (event) {
    var container = requester(event);
    if (!container) return;
    var xhr = event.detail.xhr;
    var state = xhr && xhr.getResponseHeader("X-Autosave");
    if (!state) return; // handled as a failure
    delete container.dataset.inflight;
    window.clearTimeout(container._retry);
    delete container.dataset.retryMs;
    if (state !== "saved") return; // the local copy stays until the user decides
    var entry = load(container);
    if (!entry || entry.at <= Number(container.dataset.sentAt)) {
      forget(container);
      delete container.dataset.dirty;
    }
  });

  function onNetworkError(event) {
    var container = requester(event);
    if (container) failed(container);
  }
  document.addEventListener("htmx:sendError", onNetworkError);
  document.addEventListener("htmx:responseError", onNetworkError);

  window.addEventListener("online", function () {
    document.querySelectorAll("[data-autosave][data-dirty]").forEach(save);
  });

  // Typing, clicks, submit ----------------------------------------------------------------

  function onEdit(event) {
    var container = containerOf(event.target);
    if (!container || event.target === container || event.target.name === "revision") return;
    store(container);
    container.dataset.dirty = "1";
    if (event.target.dataset && event.target.dataset.maxChars) updateCount(event.target);
  }
  document.addEventListener("input", onEdit, true);
  document.addEventListener("change", onEdit, true);

  document.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target) return;
    var container = containerOf(target);
    if (target.hasAttribute("data-add-row")) {
      addRow(container, true);
    } else if (target.hasAttribute("data-remove-row")) {
      removeRow(target);
    } else if (target.hasAttribute("data-use-saved")) {
      forget(container);
      window.location.reload();
    } else if (target.hasAttribute("data-keep-mine")) {
      var conflict = target.closest("[data-state=conflict]");
      revisionInput(container).value = conflict.dataset.revision;
      say(container, "");
      save(container);
    }
  });

  function pending() {
    return document.querySelectorAll("[data-autosave][data-dirty], [data-autosave][data-inflight]").length > 0;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-after-saves") || !pending()) return;
    event.preventDefault();
    document.querySelectorAll("[data-autosave][data-dirty]").forEach(function (container) {
      if (!container.dataset.inflight) save(container);
    });
    var waited = 0;
    var timer = window.setInterval(function () {
      waited += 200;
      if (!pending() || waited >= 10000) {
        window.clearInterval(timer);
        form.submit();
      }
    }, 200);
  });

  function init() {
    var node = document.getElementById("autosave-texts");
    texts = node ? JSON.parse(node.textContent) : {};
    document.querySelectorAll("[data-max-chars]").forEach(updateCount);
    restoreAll();
  }

  // htmx processes the page on DOMContentLoaded (its listener comes first: it is loaded first);
  // restoring, which triggers saves, must come after. A deferred script runs before that event.
  if (document.readyState === "complete") init();
  else document.addEventListener("DOMContentLoaded", init);
})();
