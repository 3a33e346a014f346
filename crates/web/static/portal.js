// Switchboard portal: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Phones and tablets: the header's menu folds behind one button (the stylesheet decides when).
  document.documentElement.classList.add("js");
  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.querySelector(".menu-toggle");
    if (!toggle) return;
    var header = toggle.closest(".top");
    toggle.addEventListener("click", function () {
      var open = header.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  });

  // Search as you type (U-6): the results are fetched and replaced in place, the address bar
  // follows, so Back and Refresh keep working.
  function liveResults(form) {
    var target = document.getElementById(form.getAttribute("data-live-results"));
    if (!target) return;
    var timer = null;
    var latest = 0;
    function refresh() {
      var query = new URLSearchParams();
      new FormData(form).forEach(function (value, key) {
        if (value !== "" && key !== "cursor") query.append(key, value);
      });
      var seq = ++latest;
      var address = form.getAttribute("action") + "?" + query.toString();
      fetch(address + "&partial=1", { credentials: "same-origin" })
        .then(function (r) { return r.ok || r.status === 422 ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          if (seq !== latest) return; // an older answer arriving late
          target.innerHTML = html;
          history.replaceState(null, "", address);
        })
        .catch(function () { form.submit(); });
    }
    form.querySelectorAll("[data-live-search]").forEach(function (input) {
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(refresh, 250);
      });
    });
    form.querySelectorAll("[data-live-filter]").forEach(function (select) {
      select.addEventListener("change", refresh);
    });
  }
  document.querySelectorAll("form[data-live-results]").forEach(liveResults);

  // After a refused form, the error summary takes the focus: it is read first and its links lead
  // to each field.
  var summary = document.querySelector(".error-summary");
  if (summary) summary.focus();

  // Live character counters (U-1: 23 and 30 characters, counted as characters).
  document.querySelectorAll("input[data-counter]").forEach(function (input) {
    var out = document.getElementById(input.id + "-count");
    var max = input.getAttribute("maxlength");
    function update() { out.textContent = Array.from(input.value).length + "/" + max; }
    input.addEventListener("input", update);
    update();
  });

  // The site switcher applies on change.
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  // Copy and print buttons of the one-time login page.
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = document.getElementById(button.getAttribute("data-copy")).innerText;
      var label = button.textContent;
      navigator.clipboard.writeText(text).then(function () {
        button.textContent = button.getAttribute("data-copied");
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // Saves an element's text as a file (recovery codes): made here, never sent by the server.
  document.querySelectorAll("button[data-download]").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = document.getElementById(button.getAttribute("data-download")).innerText;
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text + "\n"], { type: "text/plain" }));
      link.download = button.getAttribute("data-filename");
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  });
  // Buttons that need this script stay hidden without it.
  document.querySelectorAll("[data-needs-script]").forEach(function (e) { e.hidden = false; });

  // U-2: the extension follows the number's last digits until the administrator types one.
  var extension = document.querySelector("input[data-extension-max]");
  var number = document.getElementById("primary_number");
  if (extension && number) {
    var typed = extension.value !== "";
    extension.addEventListener("input", function () { typed = extension.value !== ""; });
    number.addEventListener("input", function () {
      if (typed) return;
      var digits = number.value.replace(/\D/g, "");
      var max = parseInt(extension.getAttribute("data-extension-max"), 10);
      extension.value = digits.slice(-Math.min(4, max));
    });
  }

  // Number pickers: free numbers starting with what is typed.
  document.querySelectorAll("input[data-number-picker]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var prefix = input.value.trim();
        if (prefix !== "" && !/^\+?\d*$/.test(prefix)) return;
        fetch("/numbers/free?prefix=" + encodeURIComponent(prefix), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (numbers) {
            list.innerHTML = "";
            numbers.forEach(function (n) {
              var option = document.createElement("option");
              option.value = n;
              list.appendChild(option);
            });
          });
      }, 200);
    });
  });

  // U-3: without a desk phone, mobile and contract number are required; say so as it changes.
  var device = document.querySelector("select[data-mobile-devices]");
  if (device) {
    var mobileDevices = device.getAttribute("data-mobile-devices").split(" ");
    var needs = function () {
      var required = mobileDevices.indexOf(device.value) >= 0;
      ["mobile_number", "contract_number"].forEach(function (id) {
        var field = document.getElementById(id);
        if (!field) return;
        field.required = required;
        field.closest(".field").classList.toggle("required", required);
      });
    };
    device.addEventListener("change", needs);
    needs();
  }

  // The password field only matters when the administrator sets the password now.
  var modes = document.querySelectorAll("input[name=password_mode]");
  if (modes.length) {
    var show = function () {
      var set = document.getElementById("password_mode-set").checked;
      document.querySelectorAll("[data-when-password-set]").forEach(function (el) { el.hidden = !set; });
    };
    modes.forEach(function (m) { m.addEventListener("change", show); });
    show();
  }
  // Select every row of the list at once; the rows are replaced in place, so one listener
  // on the document serves them all.
  document.addEventListener("change", function (event) {
    var all = event.target;
    if (!all.matches || !all.matches("input[data-select-all]")) { return; }
    var name = all.getAttribute("data-select-all");
    document.querySelectorAll("input[type=checkbox][name=\"" + name + "\"]").forEach(function (box) {
      box.checked = all.checked;
    });
  });
})();
