/* The members look-up on What you can do, at first load: the page's template loads this small
 * file only on that page. It shows the look-up's controls (hidden without JavaScript, when the
 * members page is the way) and loads the look-up itself (members.js, named by data-member-lookup)
 * only when the reader first uses them (focus, pointer or a change), or at once when the address names a choice
 * (#members=WA-7), so that the page's first load stays light.
 */
(function () {
  "use strict";

  var lookup = document.querySelector("[data-member-lookup]");
  if (!lookup) return;

  function load() {
    if (lookup.dataset.loading) return;
    lookup.dataset.loading = "true";
    var script = document.createElement("script");
    script.src = lookup.getAttribute("data-member-lookup");
    document.body.appendChild(script);
  }

  lookup.querySelector(".member-lookup__controls").hidden = false;
  if (/^#members=/.test(window.location.hash)) load();
  ["focusin", "pointerdown", "change"].forEach(function (type) {
    lookup.addEventListener(type, load);
  });
})();
