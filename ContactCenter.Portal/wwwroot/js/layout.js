// The staff menu opens and closes in the browser alone: no round trip to the server and nothing kept there for it
// (the layout is plain markup in MudBlazor's drawer classes, see MainLayout.razor). As MudDrawer did: open beside the
// page on a wide screen, over the page on a narrow one, where a choice in it, a click beside it or Escape closes it.
(() => {
    const wide = window.matchMedia("(min-width: 960px)");

    const parts = () => ({
        drawer: document.getElementById("cc-drawer"),
        layout: document.querySelector("[data-cc-layout]"),
        toggle: document.querySelector("[data-cc-drawer-toggle]"),
    });

    // Until the first toggle the drawer follows the screen: open when wide, closed when narrow.
    const isOpen = drawer => drawer.classList.contains("mud-drawer--initial") ? wide.matches : drawer.classList.contains("mud-drawer--open");

    function show(open) {
        const { drawer, layout, toggle } = parts();
        drawer.classList.remove("mud-drawer--initial");
        drawer.classList.toggle("mud-drawer--open", open);
        drawer.classList.toggle("mud-drawer--closed", !open);
        layout?.classList.toggle("mud-drawer-open-responsive-md-left", open);
        layout?.classList.toggle("cc-drawer-over", open && !wide.matches);
        toggle?.setAttribute("aria-expanded", open ? "true" : "false");
    }

    document.addEventListener("click", e => {
        const { drawer } = parts();
        if (!drawer || !(e.target instanceof Element)) {
            return;
        }

        if (e.target.closest("[data-cc-drawer-toggle]")) {
            show(!isOpen(drawer));
        } else if (!wide.matches && isOpen(drawer) && (e.target.closest("[data-cc-drawer-overlay]") || e.target.closest("#cc-drawer a"))) {
            show(false);
        }
    });

    document.addEventListener("keydown", e => {
        const { drawer, toggle } = parts();
        if (e.key === "Escape" && drawer && !wide.matches && isOpen(drawer)) {
            show(false);
            toggle?.focus();
        }
    });

    wide.addEventListener("change", () => {
        const { layout } = parts();
        layout?.classList.remove("cc-drawer-over");
    });
})();
