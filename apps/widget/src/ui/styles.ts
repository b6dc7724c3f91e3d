// The widget's only stylesheet, injected into its shadow root. `:host` resets everything the host
// page could make the host element inherit or show (`* { … !important }` reaches it from outside;
// inside the shadow root, !important declarations beat the page's), so no page CSS reaches in.
export const STYLES = `
:host {
  all: initial !important;
  display: block !important;
  position: static !important;
  visibility: visible !important;
  opacity: 1 !important;
  contain: none !important;
}
.root {
  --hub-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC",
    "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans CJK JP",
    "Noto Sans CJK TC", "Noto Sans", sans-serif;
  font-family: var(--hub-font);
  font-size: 14px;
  line-height: 1.45;
  color: #111827;
  letter-spacing: normal;
  text-align: left;
  text-transform: none;
  -webkit-font-smoothing: antialiased;
}
.root.locale-ja { --hub-font: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
  "Yu Gothic UI", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", sans-serif; }
.root.locale-zh-TW { --hub-font: system-ui, -apple-system, "Segoe UI", "PingFang TC", "Microsoft JhengHei",
  "Noto Sans CJK TC", "Noto Sans TC", sans-serif; }
.root.locale-zh-CN { --hub-font: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei",
  "Noto Sans CJK SC", "Noto Sans SC", sans-serif; }
*, *::before, *::after { box-sizing: border-box; }
button, input, select, textarea { font: inherit; color: inherit; margin: 0; }
button { cursor: pointer; }
button:disabled { cursor: default; opacity: .5; }
:focus-visible { outline: 2px solid var(--hub-primary); outline-offset: 2px; }
h2, p, ul { margin: 0; padding: 0; }
ul { list-style: none; }
a { color: inherit; }
svg { display: block; width: 22px; height: 22px; flex: none; }

.launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  width: 60px; height: 60px; border-radius: 50%; border: 0; padding: 0;
  display: flex; align-items: center; justify-content: center;
  background: var(--hub-primary); color: var(--hub-on-primary);
  box-shadow: 0 6px 24px rgba(17, 24, 39, .25);
  transition: transform .15s ease;
}
.launcher:hover { transform: scale(1.05); }
.launcher svg { width: 28px; height: 28px; }
.launcher.has-text { width: auto; max-width: 280px; border-radius: 30px; padding: 0 22px 0 16px; gap: 8px; }
.launcher.has-text svg { width: 24px; height: 24px; }
.launcher-text { font-size: 15px; font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.at-left .launcher, .at-left .panel, .at-left .invitation { right: auto; left: 20px; }
.badge {
  position: absolute; top: -2px; right: -2px; min-width: 22px; height: 22px; padding: 0 6px;
  border-radius: 11px; background: #dc2626; color: #fff; font-size: 12px; font-weight: 700;
  line-height: 22px; text-align: center; border: 2px solid #fff;
}

.panel {
  position: fixed; right: 20px; bottom: 92px; z-index: 2147483000;
  width: 360px; height: 560px; max-height: calc(100vh - 112px);
  display: flex; flex-direction: column; overflow: hidden;
  background: #fff; border-radius: 16px;
  box-shadow: 0 12px 48px rgba(17, 24, 39, .28);
}
.header {
  display: flex; align-items: center; gap: 10px; padding: 14px 12px 14px 16px;
  background: var(--hub-primary); color: var(--hub-on-primary);
}
.header-text { flex: 1; min-width: 0; }
.header-title { font-size: 16px; font-weight: 650; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.header-status { font-size: 12px; opacity: .85; }
.avatar {
  display: inline-flex; align-items: center; justify-content: center; flex: none;
  width: 36px; height: 36px; border-radius: 50%; object-fit: cover; overflow: hidden;
  background: rgba(255, 255, 255, .22); font-size: 13px; font-weight: 700;
}
.avatar.brand svg { width: 20px; height: 20px; }
.initials { background: #e0e7ff; color: #3730a3; }
.language {
  max-width: 96px; padding: 4px 6px; border-radius: 8px; font-size: 12px;
  border: 1px solid rgba(255, 255, 255, .45); background: rgba(255, 255, 255, .15); color: inherit;
}
.language option { color: #111827; }
.icon-button {
  display: inline-flex; align-items: center; justify-content: center; flex: none;
  width: 36px; height: 36px; border: 0; border-radius: 10px; background: transparent; color: inherit;
}
.icon-button:hover:not(:disabled) { background: rgba(127, 127, 127, .14); }
.banner { padding: 6px 12px; background: #fef3c7; color: #92400e; font-size: 12px; text-align: center; }

/* column-reverse anchors the scroll at the bottom: late images and new messages keep the latest in view. */
.body { flex: 1; overflow-y: auto; background: #f8fafc; display: flex; flex-direction: column-reverse; }
.body-content { margin-bottom: auto; display: flex; flex-direction: column; }
.transcript { padding: 14px 12px 6px; display: flex; flex-direction: column; gap: 8px; }
.messages { display: flex; flex-direction: column; gap: 8px; }
.message { display: flex; flex-direction: column; max-width: 82%; }
.message.own { align-self: flex-end; align-items: flex-end; }
.message.theirs { align-self: flex-start; align-items: flex-start; }
.bubble {
  padding: 8px 12px; border-radius: 16px; background: #fff; border: 1px solid #e5e7eb;
  overflow-wrap: anywhere; word-break: normal;
}
.own .bubble { background: var(--hub-primary); color: var(--hub-on-primary); border-color: transparent; border-bottom-right-radius: 4px; }
.theirs .bubble { border-bottom-left-radius: 4px; }
.pending .bubble { opacity: .75; }
.bubble.bare { padding: 0; background: none; border: 0; }
.text { white-space: pre-wrap; }
.meta { font-size: 11px; color: #6b7280; margin: 2px 4px 0; }
.retry { border: 0; background: none; padding: 0; color: #dc2626; font-size: 11px; font-weight: 600; text-decoration: underline; }
.event { align-self: center; text-align: center; font-size: 12px; color: #6b7280; padding: 2px 8px; }
.image { display: block; max-width: 220px; max-height: 220px; border-radius: 10px; margin: 2px 0; }
.file { display: inline-flex; align-items: center; gap: 6px; text-decoration: underline; }
.file svg { width: 18px; height: 18px; }
.link-card { display: flex; flex-direction: column; gap: 2px; }
.link-card a { font-weight: 600; overflow-wrap: anywhere; }
.link-label, .link-url { font-size: 12px; opacity: .75; overflow-wrap: anywhere; }
.status-card {
  align-self: center; text-align: center; padding: 8px 14px; border-radius: 12px;
  background: #eef2ff; color: #312e81; font-size: 13px;
}
.typing { font-size: 12px; color: #6b7280; font-style: italic; }
.muted { color: #6b7280; font-size: 12px; }
.status-card .muted { color: #4338ca; }

.form { display: flex; flex-direction: column; gap: 10px; padding: 12px; margin: 4px 12px 12px; background: #fff; border: 1px solid #e5e7eb; border-radius: 12px; }
.form-title { font-size: 15px; font-weight: 650; }
.field { display: flex; flex-direction: column; gap: 4px; }
.field-label { font-size: 12px; font-weight: 600; color: #374151; }
.field-error { font-size: 12px; color: #dc2626; }
.department { padding: 0 12px 10px; }
.input {
  width: 100%; padding: 8px 10px; border: 1px solid #d1d5db; border-radius: 10px; background: #fff;
  color: #111827; resize: none; outline: none;
}
.input:focus { border-color: var(--hub-primary); box-shadow: 0 0 0 3px color-mix(in srgb, var(--hub-primary) 20%, transparent); }
.input[aria-invalid="true"] { border-color: #dc2626; }
.primary, .secondary { padding: 9px 14px; border-radius: 10px; font-weight: 600; border: 1px solid transparent; }
.primary { background: var(--hub-primary); color: var(--hub-on-primary); }
.secondary { background: #fff; color: #374151; border-color: #d1d5db; }
.confirmation { padding: 10px 12px; border-radius: 10px; background: #ecfdf5; color: #065f46; }
.transcript-open, .transcript-sent { margin: 0 12px 12px; }
.stars { display: flex; gap: 4px; }
.star { position: relative; cursor: pointer; font-size: 28px; line-height: 1; color: #d1d5db; }
.star.is-on { color: #f59e0b; }
.star input { position: absolute; inset: 0; opacity: 0; margin: 0; cursor: pointer; }
.star:focus-within { outline: 2px solid var(--hub-primary); outline-offset: 2px; border-radius: 4px; }

.composer { border-top: 1px solid #e5e7eb; padding: 8px 10px 10px; background: #fff; }
.composer-row { display: flex; align-items: flex-end; gap: 4px; }
.composer .input { flex: 1; min-height: 40px; max-height: 120px; border-radius: 20px; padding: 9px 14px; field-sizing: content; }
.composer .send { color: var(--hub-primary); }
.sneak-peek { font-size: 11px; color: #92400e; background: #fffbeb; border-radius: 8px; padding: 4px 8px; margin-bottom: 6px; }
.file-input { display: none; }
.notice { padding: 8px 12px; background: #fef2f2; color: #b91c1c; font-size: 12px; cursor: pointer; }
.drop-zone {
  position: absolute; inset: 8px; display: flex; align-items: center; justify-content: center;
  border: 2px dashed var(--hub-primary); border-radius: 12px; background: rgba(255, 255, 255, .92);
  color: var(--hub-primary); font-weight: 600; pointer-events: none;
}

.invitation {
  position: fixed; right: 20px; bottom: 92px; z-index: 2147483000; width: 300px;
  display: flex; flex-direction: column; gap: 10px; padding: 14px;
  background: #fff; border-radius: 14px; box-shadow: 0 10px 36px rgba(17, 24, 39, .25);
}
.invitation-head { display: flex; align-items: center; gap: 8px; }
.invitation-actions { display: flex; justify-content: flex-end; gap: 8px; }

@media (max-width: 480px) {
  .panel { inset: 0; width: 100%; height: 100%; max-height: none; border-radius: 0; }
  .launcher.is-open { display: none; }
  .invitation, .at-left .invitation { left: 12px; right: 12px; width: auto; }
  .at-left .panel { left: 0; right: 0; }
}
@media (prefers-reduced-motion: reduce) { .launcher { transition: none; } }
`;
