/* doingoai — the report editor: never lose a word.
 *
 * htmx saves each section a few seconds after typing stops and when the field
 * is left (hx-trigger on the textarea). This file only adds what htmx does not:
 *  - a copy of every unsaved section in localStorage, restored and sent again
 *    after a reload, a crash or a dropped connection;
 *  - a plain message while the connection is down, and a retry when it returns;
 *  - the two-texts choice when another tab or person saved the same section (409).
 */
(function () {
  "use strict";
  var offline = document.getElementById("offline");
  var restored = document.getElementById("restored");
  var pending = {}; // section id -> textarea still to be saved

  function formOf(el) { return el.closest("form.autosave"); }
  function keyOf(form) { return form.getAttribute("data-key"); }
  function versionInput(form) { return form.querySelector("input[name=version]"); }

  function remember(textarea) {
    var form = formOf(textarea);
    try {
      localStorage.setItem(keyOf(form), JSON.stringify({ text: textarea.value, version: versionInput(form).value, at: Date.now() }));
    } catch (e) { /* storage full or disabled: the server copy still counts */ }
    pending[form.getAttribute("data-section")] = textarea;
  }

  function forget(form, sentText) {
    var textarea = form.querySelector("textarea");
    if (textarea.value !== sentText) { return; } // typed more since: keep it for the next save
    try { localStorage.removeItem(keyOf(form)); } catch (e) { /* ignore */ }
    delete pending[form.getAttribute("data-section")];
  }

  function showOffline(on) { if (offline) { offline.hidden = !on; } }

  function retryAll() {
    Object.keys(pending).forEach(function (id) {
      var textarea = pending[id];
      var form = formOf(textarea);
      if (!form.dataset.conflict) { htmx.trigger(textarea, "dng-retry"); }
    });
  }

  document.querySelectorAll("form.autosave textarea").forEach(function (textarea) {
    var form = formOf(textarea);
    textarea.addEventListener("input", function () { remember(textarea); });
    var saved = null;
    try { saved = JSON.parse(localStorage.getItem(keyOf(form)) || "null"); } catch (e) { saved = null; }
    if (saved && typeof saved.text === "string" && saved.text !== textarea.value) {
      // Typed here but never confirmed saved: put it back on the version it was typed
      // against, and send it; if the server moved on meanwhile, both texts are shown.
      textarea.value = saved.text;
      versionInput(form).value = saved.version;
      pending[form.getAttribute("data-section")] = textarea;
      if (restored) { restored.hidden = false; }
      setTimeout(function () { htmx.trigger(textarea, "dng-retry"); }, 300);
    } else if (saved) {
      try { localStorage.removeItem(keyOf(form)); } catch (e) { /* ignore */ }
    }
  });

  document.body.addEventListener("htmx:confirm", function (event) {
    var form = formOf(event.target);
    if (form && form.dataset.conflict) { event.preventDefault(); } // waiting for the person's choice
  });

  document.body.addEventListener("htmx:configRequest", function (event) {
    var form = formOf(event.detail.elt);
    if (form) { form.dataset.sending = event.detail.parameters.text || ""; }
  });

  document.body.addEventListener("htmx:beforeSwap", function (event) {
    var form = formOf(event.detail.elt);
    if (!form) { return; }
    var xhr = event.detail.xhr;
    if (xhr.responseURL && xhr.responseURL.indexOf("/login/") !== -1) {
      // The session ended: nothing was saved; the text stays on this machine.
      event.detail.shouldSwap = false;
      event.detail.target.textContent = "Phiên đăng nhập đã hết: hãy đăng nhập lại (ở thẻ khác), nội dung vẫn được giữ trên máy này.";
      return;
    }
    if (xhr.status === 409) {
      form.dataset.conflict = "1";
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    } else if (xhr.status === 400 || xhr.status === 403) {
      // Refused (the report went to the leader meanwhile...): say why, stop retrying, keep the local copy.
      delete pending[form.getAttribute("data-section")];
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.body.addEventListener("htmx:afterRequest", function (event) {
    var form = formOf(event.detail.elt);
    if (!form) { return; }
    var xhr = event.detail.xhr;
    if (event.detail.successful && xhr && xhr.status === 200 && !(xhr.responseURL || "").match(/\/login\//)) {
      forget(form, form.dataset.sending || "");
      if (!Object.keys(pending).length) { showOffline(false); if (restored) { restored.hidden = true; } }
    }
  });

  document.body.addEventListener("htmx:sendError", function (event) {
    var form = formOf(event.detail.elt);
    if (!form) { return; }
    remember(form.querySelector("textarea"));
    showOffline(true);
  });

  window.addEventListener("offline", function () { showOffline(true); });
  window.addEventListener("online", retryAll);
  setInterval(function () { if (Object.keys(pending).length && navigator.onLine !== false) { retryAll(); } }, 15000);

  // The conflict box: keep the server's text, or save mine over it knowingly.
  document.body.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-conflict]");
    if (!button) { return; }
    var id = button.getAttribute("data-section");
    var textarea = document.getElementById("t-" + id);
    var form = formOf(textarea);
    versionInput(form).value = button.getAttribute("data-version");
    delete form.dataset.conflict;
    if (button.getAttribute("data-conflict") === "server") {
      textarea.value = document.getElementById("srv-raw-" + id).value;
      try { localStorage.removeItem(keyOf(form)); } catch (e) { /* ignore */ }
      delete pending[id];
      document.getElementById("st-" + id).textContent = "Đã dùng bản trên máy chủ.";
    } else {
      remember(textarea);
      htmx.trigger(textarea, "dng-retry");
    }
    textarea.focus();
  });

  window.addEventListener("beforeunload", function (event) {
    if (Object.keys(pending).length) { event.preventDefault(); event.returnValue = ""; }
  });
})();
