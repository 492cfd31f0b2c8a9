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
 * "Is this company listed?" (the Entity List page, div.entity-search): the box is hidden in the
 * page and shown here. The names it searches (data-names: every entity named on the year pages,
 * with its aliases) are fetched the first time the reader uses it, not with the page; each
 * keystroke lists the matches, which link to their entries, and the live status line says how
 * many there are, or that none is named here and where DHS's own list is. How two names are
 * compared is decided here and nowhere else (nameWords, companyWords, queryKeys, nameMatches):
 * case, accents, punctuation and company suffixes (Co., Ltd., Group, Limited, ...) do not count.
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
    initEntitySearch();
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

  // ---- "Is this company listed?" ------------------------------------------------------

  // Words that only say what kind of company it is: "Camel Group Co., Ltd." is "camel".
  var COMPANY_SUFFIXES = ["co", "company", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc",
    "group", "holding", "holdings"];
  var SHOWN_AT_MOST = 20;
  // Anything but a letter or a digit, in any script, separates words (older browsers: outside ASCII, keep all).
  var BETWEEN_WORDS = (function () {
    try {
      return new RegExp("[^\\p{L}\\p{N}]+", "u");
    } catch (err) {
      return /[^0-9a-z\u00c0-\uffff]+/;
    }
  })();

  // A name as lower-case words without accents or punctuation: "Hoshine Silicon (Shanshan) Co." ->
  // ["hoshine", "silicon", "shanshan", "co"]. Apostrophes join ("Xinjiang's" -> "xinjiangs").
  function nameWords(text) {
    var plain = String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    return plain.replace(/['\u2019]/g, "").replace(/&/g, " and ").split(BETWEEN_WORDS).filter(Boolean);
  }

  // The words that name the company: its suffixes left out (all of them, if nothing else is left).
  function companyWords(words) {
    var kept = words.filter(function (word) { return COMPANY_SUFFIXES.indexOf(word) < 0; });
    return kept.length ? kept : words;
  }

  function key(words) {
    return { words: words, joined: words.join("") };
  }

  // What the reader typed, as one key or two: while the last word may be a suffix being typed
  // ("Camel Gr"), a name also matches without it.
  function queryKeys(text) {
    var words = nameWords(text);
    var keys = [key(companyWords(words))];
    var last = words[words.length - 1] || "";
    var typing = COMPANY_SUFFIXES.some(function (suffix) { return suffix !== last && suffix.indexOf(last) === 0; });
    if (typing && words.length > 1) keys.push(key(companyWords(words.slice(0, -1))));
    return keys;
  }

  // A name matches when each word typed begins one of its words, or when the letters typed, run
  // together, occur in it run together ("zhongtaichem" in "Xinjiang Zhongtai Chemical").
  function nameMatches(query, name) {
    var eachWord = query.words.every(function (typed) {
      return name.words.some(function (word) { return word.indexOf(typed) === 0; });
    });
    return eachWord || (query.joined.length >= 4 && name.joined.indexOf(query.joined) >= 0);
  }

  // 0: the name itself, 1: a name that starts so, 2: any other match; -1: none.
  function matchRank(queries, name) {
    var best = -1;
    queries.forEach(function (query) {
      if (!nameMatches(query, name)) return;
      var rank = name.joined === query.joined ? 0 : name.joined.indexOf(query.joined) === 0 ? 1 : 2;
      if (best < 0 || rank < best) best = rank;
    });
    return best;
  }

  function searchEntities(entities, text) {
    var queries = queryKeys(text);
    var hits = [];
    entities.forEach(function (entity, order) {
      var found = null;
      entity.keys.forEach(function (name, index) {
        var rank = matchRank(queries, name);
        if (rank >= 0 && (!found || rank < found.rank)) found = { rank: rank, via: index ? entity.aliases[index - 1] : "" };
      });
      if (found) hits.push({ entity: entity, rank: found.rank, via: found.via, order: order });
    });
    return hits.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
  }

  function resultItem(hit, namesUrl) {
    var entity = hit.entity;
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = new URL(entity.url, namesUrl).href;
    link.textContent = entity.name;
    item.appendChild(link);
    var details = [];
    if (hit.via) details.push("also listed as " + hit.via);
    details.push((entity.reported ? "reported as added " : "added ") + entity.added);
    if (entity.reported) details.push("not yet confirmed");
    if (entity.removed) details.push("removed " + entity.removed);
    item.appendChild(document.createTextNode(" (" + details.join("; ") + ")"));
    return item;
  }

  function initEntitySearch() {
    var box = document.querySelector(".entity-search[data-names]");
    if (!box || box.dataset.searchReady) return;
    box.dataset.searchReady = "true";
    var input = box.querySelector(".entity-search__query");
    var count = box.querySelector(".entity-search__count");
    var miss = box.querySelector(".entity-search__miss");
    var list = box.querySelector(".entity-search__results");
    var namesUrl = new URL(box.getAttribute("data-names"), window.location.href).href;
    var entities = null;
    var loading = null;

    function show(text) {
      var words = companyWords(nameWords(text));
      list.textContent = "";
      miss.hidden = true;
      if (!text.trim() || words.join("").length < 2) {
        count.textContent = "";
        return;
      }
      if (!entities) {
        count.textContent = "Loading the names...";
        return;
      }
      var hits = searchEntities(entities, text);
      if (!hits.length) {
        count.textContent = "";
        miss.hidden = false;
        return;
      }
      hits.slice(0, SHOWN_AT_MOST).forEach(function (hit) { list.appendChild(resultItem(hit, namesUrl)); });
      count.textContent = (hits.length === 1 ? "1 entity matches" : hits.length + " entities match") +
        (hits.length > SHOWN_AT_MOST ? "; the first " + SHOWN_AT_MOST + " are listed: type more of the name." : ".");
    }

    function load() {
      if (loading) return loading;
      loading = fetch(namesUrl, { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (names) {
          entities = names.entities.map(function (entity) {
            var keys = [entity.name].concat(entity.aliases).map(function (name) { return key(companyWords(nameWords(name))); });
            return { name: entity.name, aliases: entity.aliases, url: entity.url, added: entity.added,
              reported: entity.reported, removed: entity.removed, keys: keys };
          });
          show(input.value);
        })
        .catch(function () {
          loading = null; // the next use tries again
          count.textContent = "The names could not be loaded. The year pages list every entity named here.";
        });
      return loading;
    }

    input.addEventListener("focus", load);
    input.addEventListener("input", function () {
      load();
      show(input.value);
    });
    box.hidden = false;
  }

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
