// The page's connection to the server, in Ukrainian (App.razor's dialog). Blazor finds the dialog by its id, marks its
// state with a class (components-reconnect-show, -retrying, -failed, -rejected, -paused, -resume-failed) and raises
// components-reconnect-state-changed; with a dialog of the page's own, showing it, hiding it and loading the page again
// are the page's part, as they are in the project template's ReconnectModal.
(() => {
    const dialog = document.getElementById("components-reconnect-modal");
    if (!dialog) {
        return;
    }

    const retryWhenVisible = () => {
        if (document.visibilityState === "visible") {
            retry();
        }
    };

    dialog.addEventListener("components-reconnect-state-changed", e => {
        switch (e.detail.state) {
            case "show":
            case "retrying":
            case "paused":
                if (!dialog.open) {
                    dialog.showModal();
                }
                break;
            case "hide":
                dialog.close();
                break;
            case "failed":
                // A person coming back to a tab given up on gets one more try at once.
                document.addEventListener("visibilitychange", retryWhenVisible);
                break;
            case "rejected":
                // The server answered but no longer knows this page (restarted, or another instance behind the same
                // address after this one went down): its state is gone, so the page loads again and reads everything anew.
                location.reload();
                break;
        }
    });

    async function retry() {
        document.removeEventListener("visibilitychange", retryWhenVisible);
        dialog.classList.remove("components-reconnect-failed");
        dialog.classList.add("components-reconnect-show");
        try {
            // true: reconnected (Blazor then hides the dialog); false: the server answered but knows the page no more.
            if (!await Blazor.reconnect()) {
                await resumeOrReload();
            }
        } catch {
            dialog.classList.remove("components-reconnect-show");
            dialog.classList.add("components-reconnect-failed");
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    }

    // A page the server kept the state of continues where it was; otherwise it loads again.
    async function resumeOrReload() {
        if (await Blazor.resumeCircuit()) {
            dialog.close();
        } else {
            location.reload();
        }
    }

    async function resume() {
        try {
            await resumeOrReload();
        } catch {
            dialog.classList.remove("components-reconnect-paused");
            dialog.classList.add("components-reconnect-resume-failed");
        }
    }

    dialog.querySelector("[data-cc-reconnect-retry]")?.addEventListener("click", retry);
    dialog.querySelector("[data-cc-reconnect-resume]")?.addEventListener("click", resume);

    // Escape would close the dialog while the page still cannot work.
    dialog.addEventListener("cancel", e => e.preventDefault());
})();
