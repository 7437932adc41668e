import { stages } from '../../shared/domain';
import type { QueueStore } from '../leads/queueStore';
import type { PhoneController } from '../phone/phoneController';
import type { DrawerStore } from './drawerStore';
import type { ShortcutMap } from './useShortcuts';

interface Targets {
  queue: QueueStore;
  drawer: DrawerStore;
  phone: PhoneController;
  /** N: the add-lead form. */
  add(): void;
  /** I: the import dialog. */
  import(): void;
  /** /: the search box. */
  search(): void;
}

/** The queue's keys: what each does, read from the stores at the moment it is pressed. */
export function queueShortcuts({ queue, drawer, phone, add, import: openImport, search }: Targets) {
  const q = () => queue.getState();
  const selected = () => q().selectedId;
  const map: ShortcutMap = {
    n: add,
    i: openImport,
    '/': search,
    ArrowDown: () => q().moveSelection(1),
    ArrowUp: () => q().moveSelection(-1),
    Enter: () => {
      const id = selected();
      if (id) drawer.getState().open(id);
    },
    d: () => {
      // The queue's selected row first (the drawer follows it); in Đơn hàng, the open lead.
      const id = (q().stage !== 'order' ? selected() : null) ?? drawer.getState().lead?.id;
      if (id) drawer.getState().record(id);
    },
    Escape: () => drawer.getState().close(),
    // Click-to-call by keyboard: the selected lead's own number.
    c: () => {
      const lead = q().items.find((l) => l.id === selected());
      if (lead) void phone.callLead(lead);
    },
    ...Object.fromEntries(stages.map((s, i) => [`Alt+${i + 1}`, () => void q().setStage(s)])),
  };
  return map;
}
