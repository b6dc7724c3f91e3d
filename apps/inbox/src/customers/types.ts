// The gateway's customer views, as the contracts define them (type-only: erased at build time).
export type {
  CustomerIdentityView,
  CustomerMergeView,
  CustomerView,
  LinkSuggestionView,
  NoteView,
  OrderView,
  TimelinePage,
  TrailPageView,
} from '@hub/contracts';

/** What the profile form may change (null clears a field). */
export interface CustomerChange {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  company?: string | null;
  vip?: boolean;
}
