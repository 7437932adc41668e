import type { Messages } from './vi';

export const en: Messages = {
  app: {
    title: 'LeadPhone',
    loading: 'Loading…',
    language: 'Language',
  },
  stage: {
    new: 'New leads',
    contact: 'Contacts',
    order: 'Orders',
  },
  queue: {
    label: 'Lead queue',
    loadMore: 'Load more',
    loadError: 'Could not load the queue: {{message}}',
    retry: 'Retry',
  },
  column: {
    name: 'Name',
    phone: 'Phone',
    source: 'Source',
    customerStatus: 'Customer status',
    nextAction: 'Next action',
    receivedAt: 'Received',
  },
  nextAction: {
    call_now: 'Call now',
    callback: 'Call back at {{time}}',
    none: '—',
  },
  empty: {
    title: 'No leads yet',
    new: 'Add a lead or import the list from Marketing to start calling.',
    other: 'Nothing in this folder yet.',
    add: 'Add lead',
  },
  addLead: {
    open: 'Add lead',
    title: 'Add a new lead',
    name: 'Name',
    phone: 'Phone number',
    phoneHint: 'For example: 0912 345 678',
    source: 'Source / campaign',
    note: 'Note',
    save: 'Save',
    cancel: 'Cancel',
    saving: 'Saving…',
    saved: 'Added {{name}}',
  },
  errors: {
    name_required: 'Please enter a name.',
    phone_required: 'Please enter a phone number.',
    phone_invalid:
      'This phone number is not valid. Check the digits and the prefix (e.g. 0912 345 678).',
    phone_duplicate: 'This phone number is already in the list.',
    too_long: 'Too long.',
    invalid_value: 'Invalid value.',
    cursor_invalid: 'The list position is not valid; reload the list.',
    code: {
      invalid_input: 'Some input is not right.',
      unknown_method: 'This request is not supported.',
      not_found: 'Not found.',
      duplicate_lead: 'This lead already exists.',
      db_too_new: 'The database was made by a newer LeadPhone. Please update the app.',
      forbidden: 'Not allowed.',
      transport_closed: 'Lost the connection to LeadPhone. Reconnecting…',
      internal: 'Something went wrong inside LeadPhone; it has been logged.',
    },
  },
  shortcuts: {
    addLead: 'Shortcut: N',
  },
};
