// Alerts for a new card on a live queue: a short chime and, if the person allowed it, a browser notification.
// The choice is kept per browser (an operator's desk, an executor's phone), not per account.
window.ccLiveAlerts = (() => {
    const soundKey = "cc.alerts.sound";
    const notifyKey = "cc.alerts.notify";
    let audio = null;

    function chime() {
        audio ??= new AudioContext();
        if (audio.state === "suspended") {
            audio.resume();
        }
        // Two rising tones: distinct from the system's own sounds, short enough not to annoy on a busy day.
        [[660, 0], [880, 0.18]].forEach(([frequency, start]) => {
            const tone = audio.createOscillator();
            const gain = audio.createGain();
            tone.type = "sine";
            tone.frequency.value = frequency;
            gain.gain.setValueAtTime(0.0001, audio.currentTime + start);
            gain.gain.exponentialRampToValueAtTime(0.25, audio.currentTime + start + 0.02);
            gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + start + 0.3);
            tone.connect(gain).connect(audio.destination);
            tone.start(audio.currentTime + start);
            tone.stop(audio.currentTime + start + 0.32);
        });
    }

    function notificationState() {
        return "Notification" in window ? Notification.permission : "unsupported";
    }

    function soundOn() {
        return localStorage.getItem(soundKey) === "on";
    }

    function notifyOn() {
        return localStorage.getItem(notifyKey) === "on" && notificationState() === "granted";
    }

    return {
        // What the queue's toggles show, as one line "sound notify permission" (e.g. "on off granted"): a string costs
        // the server no JSON metadata of its own per page (QueuePage.AlertSettings.Parse).
        settings() {
            return `${soundOn() ? "on" : "off"} ${notifyOn() ? "on" : "off"} ${notificationState()}`;
        },
        setSound(on) {
            localStorage.setItem(soundKey, on ? "on" : "off");
            if (on) {
                chime(); // also unlocks audio: browsers allow sound only after the person has acted on the page
            }
            return this.settings();
        },
        async setNotify(on) {
            if (on && notificationState() === "default") {
                await Notification.requestPermission();
            }
            localStorage.setItem(notifyKey, on && notificationState() === "granted" ? "on" : "off");
            return this.settings();
        },
        newCard(number, body, url) {
            if (soundOn()) {
                try { chime(); } catch { /* no audio device: the toast still shows */ }
            }
            // A notification matters when the person is looking elsewhere; on the page the toast is enough.
            if (notifyOn() && document.visibilityState !== "visible") {
                const notification = new Notification(`Нове звернення № ${number}`, { body, tag: number, lang: "uk" });
                notification.onclick = () => {
                    window.focus();
                    window.location.href = url;
                    notification.close();
                };
            }
        },
    };
})();
