// Keyboard review: j/k (or n/p) move to the next/previous flagged value, J/K to any value;
// e edits the current value, a accepts it, t toggles a box; Esc leaves the input. The current
// value is outlined in the form and on the page, which scrolls to it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const fields = Array.from(document.querySelectorAll("form.field"));
  if (!fields.length) {
    document.body.dataset.ready = "true";
    return;
  }
  const pages = document.getElementById("pages");
  let current = -1;

  function shapesFor(path) {
    return Array.from(document.querySelectorAll("g.shape")).filter((g) => g.dataset.path === path);
  }

  function select(index, scrollPage = true) {
    document.querySelectorAll(".current").forEach((el) => el.classList.remove("current"));
    current = index;
    const form = fields[index];
    form.classList.add("current");
    form.scrollIntoView({ block: "nearest" });
    const shapes = shapesFor(form.dataset.path);
    shapes.forEach((g) => g.classList.add("current"));
    if (scrollPage && shapes.length && pages) {
      const box = shapes[0].getBoundingClientRect();
      const pane = pages.getBoundingClientRect();
      pages.scrollTop += box.top - pane.top - pane.height / 3;
    }
  }

  function step(direction, onlyFlagged) {
    const n = fields.length;
    for (let k = 1; k <= n; k++) {
      const index = (current + direction * k + n * k) % n;
      if (!onlyFlagged || fields[index].classList.contains("flagged")) {
        select(index);
        return;
      }
    }
  }

  function submit(action) {
    if (current < 0) return;
    const button = fields[current].querySelector(`button[value="${action}"]`);
    if (button) button.click();
  }

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement && target.closest("input, textarea, select");
    if (typing) {
      if (event.key === "Escape") target.blur();
      // Enter submits a text input by itself; a list and a text area need help.
      else if (event.key === "Enter" && (event.ctrlKey || event.metaKey || target.tagName === "SELECT")) {
        event.preventDefault();
        submit("corrected");
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const keys = {
      j: () => step(1, true), n: () => step(1, true), k: () => step(-1, true), p: () => step(-1, true),
      J: () => step(1, false), K: () => step(-1, false),
      a: () => submit("accepted"), t: () => submit("toggled"),
      e: () => {
        const input = current >= 0 && fields[current].querySelector("input[type=text], textarea, select");
        if (input) { input.focus(); if (input.select) input.select(); }
      },
    };
    const action = keys[event.key];
    if (action) { event.preventDefault(); action(); }
  });

  fields.forEach((form, index) => {
    form.addEventListener("focusin", () => { if (current !== index) select(index); });
    form.addEventListener("click", () => { if (current !== index) select(index); });
  });
  document.querySelectorAll("g.shape").forEach((g) => {
    g.addEventListener("click", () => {
      const index = fields.findIndex((f) => f.dataset.path === g.dataset.path);
      if (index >= 0) select(index, false);
    });
  });

  const focus = document.getElementById("focus");
  const wanted = focus ? fields.findIndex((f) => f.dataset.path === focus.dataset.path) : -1;
  if (wanted >= 0) select(wanted);
  else step(1, true);
  if (document.querySelector("form.field.invalid")) {
    const input = document.querySelector("form.field.invalid [name=value]");
    if (input) input.focus();
  }
  document.body.dataset.ready = "true";  // for tests: the keys work from now on
});
