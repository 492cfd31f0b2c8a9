/* Site behaviour: progressive enhancement only. Nothing here is needed to read a page.
 *
 * "Copy for email": every element carrying data-copy-text (a punch-list row,
 * tr[data-proposal], and a proposal's status box, div.proposal-status) gets a real
 * <button> that puts that plain text (title, status with its dates, next step, deep
 * link) on the clipboard, and a polite live region says that it worked. In a table row
 * the button is a compact icon (24 px or more), named "Copy for email: <title>". The
 * texts to copy on What you can do (div.copy-block: each chamber's call script and letter,
 * with an empty data-copy-text) copy the text of their <pre> as shown, so a script filled in
 * for a chosen member copies as it reads; their data-copy-label names the button ("Copy the
 * Senate call script").
 * Without JavaScript the text is there to select by hand. No request, no cookie, no storage.
 *
 * Moved entries: an old link to an entry now on another page lands on a stub with the old id
 * (a.moved-anchor); the script sends the reader straight on to the entry's new address.
 *
 * Search dialog name: Material marks its search box role="dialog" without a name (axe:
 * aria-dialog-name). It is named here, after the label Material gives the search options
 * ("Search" in the site's language), instead of in a copy of Material's template.
 */
(function () {
  "use strict";

  var READY = "copyReady"; // data-copy-ready: an element already has its button
  var status = null; // the one live region, created once
  var clearTimer = null;

  function liveRegion() {
    if (status && document.body.contains(status)) return status;
    status = document.createElement("div");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("aria-atomic", "true");
    document.body.appendChild(status);
    return status;
  }

  function announce(message) {
    var region = liveRegion();
    // Empty first, so the same message twice is still announced.
    region.textContent = "";
    window.clearTimeout(clearTimer);
    window.setTimeout(function () {
      region.textContent = message;
    }, 50);
    clearTimer = window.setTimeout(function () {
      region.textContent = "";
    }, 6000);
  }

  // The older way, for browsers or contexts (plain http on a LAN) without navigator.clipboard.
  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.setAttribute("aria-hidden", "true");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    var focused = document.activeElement;
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (err) {
      ok = false;
    }
    document.body.removeChild(area);
    if (focused && typeof focused.focus === "function") focused.focus();
    return ok;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!copyWithSelection(text)) throw new Error("copy failed");
      });
    }
    return copyWithSelection(text) ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  // What a holder copies: a text shown whole (a call script's <pre>, whose holder's
  // data-copy-text is empty) as the reader sees it, else its data-copy-text.
  function textOf(holder) {
    var shown = holder.querySelector("pre");
    return shown ? shown.textContent : holder.getAttribute("data-copy-text");
  }

  function makeButton(holder) {
    var text = textOf(holder);
    var named = holder.getAttribute("data-copy-label"); // a text to copy, not a proposal
    var title = named || text.split("\n")[0].trim();
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-email no-print" + (holder.tagName === "TR" ? " copy-email--icon" : "");
    button.setAttribute("aria-label", named || "Copy for email: " + title);
    var label = document.createElement("span");
    label.className = "copy-email__label";
    label.textContent = named || "Copy for email";
    button.appendChild(label);
    if (holder.tagName === "TR") button.title = "Copy for email";
    var resetTimer = null;
    button.addEventListener("click", function () {
      copyText(textOf(holder)).then(
        function () {
          // The visible label stays (it is part of the button's name); a tick and the
          // live message say that it worked.
          button.setAttribute("data-state", "copied");
          announce(named ? "Copied. Paste it into your message and fill in the brackets." :
            "Copied for email: " + title + ". Paste it into your message.");
        },
        function () {
          button.setAttribute("data-state", "failed");
          announce("Could not copy. Select the title link or the address by hand.");
        }
      );
      window.clearTimeout(resetTimer);
      resetTimer = window.setTimeout(function () {
        button.removeAttribute("data-state");
      }, 3000);
    });
    return button;
  }

  function place(holder, button) {
    if (holder.tagName === "TR") {
      // In the first cell, right after the title: the table keeps its columns.
      var cell = holder.querySelector(".punch-list__proposal") || holder.cells[0];
      var title = cell && cell.querySelector(":scope > a");
      if (title) title.insertAdjacentElement("afterend", button);
      else if (cell) cell.appendChild(button);
    } else {
      holder.insertBefore(button, holder.firstChild);
    }
  }

  function init() {
    var holders = document.querySelectorAll("[data-copy-text]");
    if (!holders.length) return;
    liveRegion();
    Array.prototype.forEach.call(holders, function (holder) {
      if (holder.dataset[READY]) return;
      holder.dataset[READY] = "true";
      place(holder, makeButton(holder));
    });
  }

  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (!dialog || dialog.hasAttribute("aria-label") || dialog.hasAttribute("aria-labelledby")) return;
    var options = dialog.querySelector(".md-search__options[aria-label]");
    dialog.setAttribute("aria-label", (options && options.getAttribute("aria-label")) || "Search");
  }

  nameSearchDialog(); // site.js loads at the end of <body>: the search box is already there

  // A link to an entry that has moved to another page lands on a stub carrying the old id
  // (a.moved-anchor, shown by :target alone without JavaScript); follow it at once.
  function followMovedAnchor() {
    var id = window.location.hash.slice(1);
    if (!id) return;
    var stub = document.getElementById(decodeURIComponent(id));
    if (stub && stub.classList.contains("moved-anchor") && stub.href) window.location.replace(stub.href);
  }

  followMovedAnchor();
  window.addEventListener("hashchange", followMovedAnchor);

  // The members look-up (What you can do, members.js) adds copies of the scripts for the chosen
  // members and asks for their copy buttons with this event.
  document.addEventListener("copyable", init);

  // Material's document$ emits on every page load (also with instant navigation).
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
