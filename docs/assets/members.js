/* The members look-up on What you can do: loaded by site.js only when a reader first uses it.
 *
 * Picking a state reads that state's members from this site (members/wa.json, written at build
 * time from data/members.yml) and shows its two senators, then, once a district is picked (at
 * once for an at-large seat, DC and the territories), its member of the House: name, party,
 * office phone as a tel: link, and contact form. The choice lives only in the page's address
 * (#members=WA-7, or #members=WA before a district is picked), so a link can be shared; nothing
 * is stored and nothing is sent anywhere but this site. A polite live region says what changed.
 *
 * The call scripts and letters (div.copy-block[data-chamber]) are then shown once per chosen
 * member of that chamber: the member's title and name in place of each placeholder
 * ([data-member-name]), and, where the member sponsors the bill an ask is about
 * ([data-sponsor] = their bioguide id), the sponsor's own ask ([data-sponsor-text]) instead.
 * Each copy carries the member's number; site.js gives it a copy button.
 *
 * Text from the data is only ever set as text (textContent, attributes), never as HTML.
 */
(function () {
  "use strict";

  var lookup = document.querySelector("[data-member-lookup]");
  if (!lookup || lookup.dataset.ready) return;
  lookup.dataset.ready = "true";

  var stateSelect = lookup.querySelector("#member-state");
  var districtSelect = lookup.querySelector("#member-district");
  var districtField = districtSelect.closest(".member-lookup__field");
  var status = lookup.querySelector(".member-lookup__status");
  var result = lookup.querySelector(".member-lookup__result");
  var base = lookup.getAttribute("data-members");
  var houseLookup = lookup.getAttribute("data-house-lookup");
  var switchboard = lookup.getAttribute("data-switchboard"); // the Capitol's: it connects to any office
  var CHOICE = /^#members=([A-Za-z]{2})(?:-([0-9]{1,2}))?$/;
  var loaded = {}; // state code -> its members (one request per state and page view)
  var current = null; // the state's members now shown

  function el(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    return node;
  }

  function outbound(text, href) {
    return el("a", text, { href: href, rel: "noopener noreferrer", referrerpolicy: "no-referrer" });
  }

  // "Sen. Maria Cantwell (D), 202-224-3441 · contact form": the parts of one member's line.
  function reach(member, holder) {
    var phone = member.phone || switchboard;
    holder.appendChild(document.createTextNode(member.phone ? " " : ", no office number listed yet: the Capitol switchboard, "));
    holder.appendChild(el("a", phone, { href: "tel:+1" + phone.replace(/-/g, "") }));
    var form = member.form || member.site;
    if (form) {
      holder.appendChild(document.createTextNode(" · "));
      holder.appendChild(outbound(member.form ? "contact form" : "website", form));
    }
    return holder;
  }

  function memberItem(member) {
    var item = el("li");
    item.appendChild(el("strong", member.short));
    if (member.district) item.appendChild(document.createTextNode(", " + districtName(member)));
    reach(member, item);
    if (member.note) {
      item.appendChild(el("br"));
      item.appendChild(el("small", member.note));
    }
    return item;
  }

  function heading(text) {
    var p = el("p");
    p.appendChild(el("strong", text));
    return p;
  }

  function list(members) {
    var ul = el("ul");
    members.forEach(function (member) {
      ul.appendChild(memberItem(member));
    });
    return ul;
  }

  function districtName(member) {
    return member.district === 0 ? "At large" : "District " + member.district;
  }

  function chosenRepresentative() {
    if (!current) return null;
    if (current.house.length === 1) return current.house[0];
    var number = districtSelect.value;
    return current.house.filter(function (m) { return String(m.district) === number; })[0] || null;
  }

  function fillDistricts(state) {
    districtSelect.textContent = "";
    districtSelect.appendChild(el("option", "Choose…", { value: "" }));
    state.house.forEach(function (member) {
      districtSelect.appendChild(el("option", districtName(member) + ": " + member.short, { value: String(member.district) }));
    });
    (state.vacant || []).forEach(function (number) {
      districtSelect.appendChild(el("option", "District " + number + ": vacant on " + state.checked, { value: String(number) }));
    });
    districtField.hidden = state.house.length < 2;
  }

  function show() {
    result.textContent = "";
    if (!current) return;
    var state = current;
    if (state.senators.length) {
      result.appendChild(heading("Your senators"));
      result.appendChild(list(state.senators));
    } else {
      result.appendChild(heading(state.name + " has no senators."));
    }
    var representative = chosenRepresentative();
    var title = representative && representative.addressed.indexOf("Representative") !== 0
      ? "Your member of the House" : "Your representative";
    result.appendChild(heading(title));
    if (representative) {
      result.appendChild(list([representative]));
    } else if (districtSelect.value) {
      result.appendChild(el("p", "No member held this seat on " + state.checked + "."));
    } else {
      var hint = el("p", "Pick your district above. Not sure which it is? ");
      hint.appendChild(outbound("Find it by ZIP code on house.gov", houseLookup));
      hint.appendChild(document.createTextNode("."));
      result.appendChild(hint);
    }
    var page = el("p");
    page.appendChild(el("a", "All of " + state.name + "'s members, on one page", { href: base + state.state.toLowerCase() + "/" }));
    result.appendChild(page);
    personalize(state.senators, "senate");
    personalize(representative ? [representative] : [], "house");
  }

  // ---- The scripts and letters, once per chosen member -------------------------------------

  function personalize(members, chamber) {
    var named = []; // each copy and its line naming the member, put back on top once it has its button
    var blocks = document.querySelectorAll(".copy-block[data-chamber='" + chamber + "']:not(.copy-block--member)");
    Array.prototype.forEach.call(blocks, function (original) {
      var next = original.nextElementSibling;
      while (next && next.classList.contains("copy-block--member")) {
        var gone = next;
        next = next.nextElementSibling;
        gone.parentNode.removeChild(gone);
      }
      original.hidden = members.length > 0;
      var after = original;
      members.forEach(function (member) {
        var copy = original.cloneNode(true);
        copy.hidden = false;
        copy.classList.add("copy-block--member");
        delete copy.dataset.copyReady;
        Array.prototype.forEach.call(copy.querySelectorAll(".copy-email"), function (button) {
          button.parentNode.removeChild(button);
        });
        copy.setAttribute("data-copy-label", original.getAttribute("data-copy-label") + " for " + member.short);
        Array.prototype.forEach.call(copy.querySelectorAll("[data-member-name]"), function (span) {
          span.textContent = member.addressed;
        });
        Array.prototype.forEach.call(copy.querySelectorAll("[data-sponsor]"), function (span) {
          if (span.getAttribute("data-sponsor") === member.id) span.textContent = span.getAttribute("data-sponsor-text");
        });
        var who = el("p");
        who.appendChild(el("strong", member.short));
        reach(member, who);
        after.insertAdjacentElement("afterend", copy);
        after = copy;
        named.push([copy, who]);
      });
    });
    document.dispatchEvent(new CustomEvent("copyable"));
    named.forEach(function (pair) {
      pair[0].insertBefore(pair[1], pair[0].firstChild);
    });
  }

  // ---- The choice, kept in the address ---------------------------------------------------------

  function remember() {
    var code = stateSelect.value;
    var district = districtField.hidden ? "" : districtSelect.value;
    var hash = code ? "#members=" + code + (district ? "-" + district : "") : "";
    if (window.location.hash !== hash) {
      window.history.replaceState(null, "", hash || window.location.pathname + window.location.search);
    }
  }

  function announce(message) {
    status.textContent = message;
  }

  function describe(state) {
    var parts = [];
    if (state.senators.length) parts.push("your senators are shown");
    var representative = chosenRepresentative();
    if (representative) parts.push("your member of the House is " + representative.short);
    else if (state.house.length > 1) parts.push("pick your district for your representative");
    return state.name + ": " + parts.join("; ") + ". The scripts and letters below now name them.";
  }

  function load(code) {
    if (loaded[code]) return Promise.resolve(loaded[code]);
    return fetch(base + code.toLowerCase() + ".json", { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).then(function (state) {
      loaded[code] = state;
      return state;
    });
  }

  function choose(code, district) {
    if (!code) {
      current = null;
      districtField.hidden = true;
      show();
      remember();
      announce("");
      return;
    }
    announce("Loading " + (stateSelect.selectedOptions[0] || {}).textContent + "…");
    load(code).then(function (state) {
      if (stateSelect.value !== code) return; // the reader has moved on
      if (!current || current.state !== code) fillDistricts(state);
      current = state;
      if (district !== undefined) districtSelect.value = district;
      show();
      remember();
      announce(describe(state));
    }, function () {
      current = null;
      show();
      announce("Could not load the members of this state. Use the House's and the Senate's look-ups below.");
    });
  }

  function fromAddress() {
    var match = CHOICE.exec(window.location.hash);
    if (!match) return false;
    var code = match[1].toUpperCase();
    if (!stateSelect.querySelector("option[value='" + code + "']")) return false;
    stateSelect.value = code;
    choose(code, match[2] || "");
    return true;
  }

  stateSelect.addEventListener("change", function () {
    choose(stateSelect.value, "");
  });
  districtSelect.addEventListener("change", function () {
    choose(stateSelect.value, districtSelect.value);
  });
  window.addEventListener("hashchange", fromAddress);

  // The reader may have picked a state before this file arrived.
  if (!fromAddress() && stateSelect.value) choose(stateSelect.value, "");
})();
