const ALERTS_OFF = 'hub.inbox.alerts-off';

/** Whether sound and desktop notifications are on (the agent's choice in this browser). */
export function alertsEnabled(): boolean {
  return localStorage.getItem(ALERTS_OFF) === null;
}

export async function setAlertsEnabled(enabled: boolean): Promise<void> {
  if (!enabled) return localStorage.setItem(ALERTS_OFF, '1');
  localStorage.removeItem(ALERTS_OFF);
  if ('Notification' in window && Notification.permission === 'default')
    await Notification.requestPermission();
}

let audio: AudioContext | undefined;

/** A short two-tone chime made in the browser (no sound file to load or allow in the CSP). */
function chime(): void {
  audio ??= new AudioContext();
  const now = audio.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.15, 1320],
  ] as const) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.15, now + offset);
    gain.gain.exponentialRampToValueAtTime(0.001, now + offset + 0.3);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(now + offset);
    oscillator.stop(now + offset + 0.3);
  }
}

/**
 * Tells the agent something needs them: a chime, and a desktop notification when the tab is not
 * in front. `tag` collapses repeated notices of one conversation into one.
 */
export function alertAgent(notice: { title: string; body: string; tag: string; onClick(): void }) {
  if (!alertsEnabled()) return;
  try {
    chime();
  } catch (error) {
    console.warn('no sound', error); // autoplay blocked before any click: the notice still shows
  }
  if (!document.hidden || !('Notification' in window) || Notification.permission !== 'granted')
    return;
  const notification = new Notification(notice.title, { body: notice.body, tag: notice.tag });
  notification.onclick = () => {
    window.focus();
    notice.onClick();
    notification.close();
  };
}
