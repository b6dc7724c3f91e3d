import type { Assignee } from '../api/types';
import { safeHttpUrl } from '../features/chat/transcript';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  // CJK names have no spaces: their first character is the usual initial.
  return words.length === 1
    ? [...words[0]]
        .slice(0, /^[\x20-\x7e]/.test(words[0]) ? 2 : 1)
        .join('')
        .toUpperCase()
    : (words[0][0] + words[words.length - 1][0]).toUpperCase();
}

/** The agent's picture (alt = name), or their initials when they have none. */
export function Avatar({ agent, size = 36 }: { agent: Assignee; size?: number }) {
  const url = agent.avatarUrl ? safeHttpUrl(agent.avatarUrl) : null;
  const style = { width: `${size}px`, height: `${size}px` };
  return url ? (
    <img class="avatar" src={url} alt={agent.name} style={style} />
  ) : (
    <span class="avatar initials" role="img" aria-label={agent.name} style={style}>
      {initials(agent.name)}
    </span>
  );
}
