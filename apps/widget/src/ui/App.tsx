import { useMemo } from 'preact/hooks';
import { InvitationDialog } from '../features/invitation/InvitationDialog';
import { translator } from '../i18n/locale';
import type { WidgetStore } from '../state/widget-store';
import { Launcher } from './Launcher';
import { Panel } from './Panel';
import { contrastingText } from './colors';
import { useStoreState, WidgetContext } from './widget-context';

/** The whole widget inside the shadow root. */
export function App({ store }: { store: WidgetStore }) {
  const state = useStoreState(store);
  const t = useMemo(() => translator(state.locale), [state.locale]);
  const { primaryColor } = state.config;
  const style = `--hub-primary:${primaryColor};--hub-on-primary:${contrastingText(primaryColor)}`;
  return (
    <WidgetContext.Provider value={{ store, state, t }}>
      <div
        class={`root locale-${state.locale} at-${state.config.position}`}
        lang={state.locale}
        style={style}
      >
        {state.open ? <Panel /> : <InvitationDialog />}
        <Launcher />
      </div>
    </WidgetContext.Provider>
  );
}
