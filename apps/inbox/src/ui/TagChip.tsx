import type { ReactNode } from 'react';
import type { TagView } from '../api/types';
import './tag-chip.css';

/** A tag as a small label in its colour (the name is text: an admin typed it). */
export function TagChip({ tag, children }: { tag: TagView; children?: ReactNode }) {
  return (
    <span className="tag-chip" style={{ borderColor: tag.colour }}>
      <span className="tag-dot" style={{ background: tag.colour }} aria-hidden="true" />
      {tag.name}
      {children}
    </span>
  );
}
