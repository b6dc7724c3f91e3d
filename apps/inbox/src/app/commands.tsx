import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One action of the command palette (Ctrl/Cmd-K); `label` is already translated. */
export interface Command {
  id: string;
  label: string;
  run(): void;
}

interface Registry {
  set(owner: string, commands: Command[]): void;
  remove(owner: string): void;
}

const RegistryContext = createContext<Registry | null>(null);

/**
 * Offers `commands` in the palette while the calling component is mounted (screens register
 * what makes sense on them: a conversation its actions, the list its tabs).
 */
export function useCommands(owner: string, commands: Command[]): void {
  const registry = useContext(RegistryContext);
  const latest = useRef(commands);
  latest.current = commands;
  const signature = commands.map((command) => `${command.id}:${command.label}`).join('|');
  useEffect(() => {
    registry?.set(
      owner,
      latest.current.map((command) => ({ ...command, run: () => command.run() })),
    );
  }, [registry, owner, signature]);
  useEffect(() => () => registry?.remove(owner), [registry, owner]);
}

/** The palette itself: Ctrl/Cmd-K opens it, type to filter, arrows and Enter to run. */
export function CommandPalette({ children }: { children: ReactNode }) {
  const { t } = useTranslation('app');
  const [groups, setGroups] = useState<Record<string, Command[]>>({});
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const [picked, setPicked] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const registry = useMemo<Registry>(
    () => ({
      set: (owner, commands) => setGroups((current) => ({ ...current, [owner]: commands })),
      remove: (owner) => setGroups(({ [owner]: _removed, ...rest }) => rest),
    }),
    [],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setFilter('');
        setPicked(0);
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);

  const needle = filter.trim().toLowerCase();
  const commands = Object.values(groups)
    .flat()
    .filter((command) => command.label.toLowerCase().includes(needle));

  const run = (command: Command | undefined) => {
    if (!command) return;
    setOpen(false);
    command.run();
  };

  return (
    <RegistryContext.Provider value={registry}>
      {children}
      <dialog
        ref={dialog}
        className="command-palette"
        aria-label={t('palette.title')}
        onClose={() => setOpen(false)}
      >
        <input
          autoFocus
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-label={t('palette.search')}
          placeholder={t('palette.search')}
          value={filter}
          aria-activedescendant={commands[picked] ? `cmd-${commands[picked].id}` : undefined}
          onChange={(event) => {
            setFilter(event.target.value);
            setPicked(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const step = event.key === 'ArrowDown' ? 1 : -1;
              setPicked(
                (current) => (current + step + commands.length) % Math.max(1, commands.length),
              );
            }
            if (event.key === 'Enter') {
              event.preventDefault();
              run(commands[picked]);
            }
          }}
        />
        <ul id="palette-list" role="listbox" aria-label={t('palette.title')}>
          {commands.map((command, index) => (
            <li
              key={command.id}
              id={`cmd-${command.id}`}
              role="option"
              aria-selected={index === picked}
              onClick={() => run(command)}
            >
              {command.label}
            </li>
          ))}
          {commands.length === 0 ? <li className="muted">{t('palette.none')}</li> : null}
        </ul>
      </dialog>
    </RegistryContext.Provider>
  );
}
