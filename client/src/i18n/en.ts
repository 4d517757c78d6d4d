import type { Messages } from './nl.ts';

/**
 * Every string the UI shows, in English: the same shape as `nl`, so a missing
 * key is a type error. Short, plain words: many people read English as a
 * second language too. Not translated on purpose: error messages from the
 * server, and the toolkit's own words on the boards (titles, questions, the
 * answer lists) — those match the printed Dutch hand-out.
 */
export const en: Messages = {
  appName: 'Bodem',
  loading: 'Loading…',
  backToStart: 'Back to the start page',

  start: {
    title: 'Bodem',
    lead: 'Make posters together during the meeting.',
    newMeeting: 'New meeting',
    titleLabel: 'Title of the meeting',
    titlePlaceholder: 'For example: Working together locally',
    create: 'Create meeting',
    titleRequired: 'Give the meeting a title.',
    creating: 'One moment…',
    joinInstead: 'Do you have a code? Join',
    recent: 'Your meetings on this device',
    open: 'Open',
    programme: 'Programme',
    ownSelection: 'Choose boards yourself',
    pickOne: 'Choose at least one board.',
  },

  join: {
    title: 'Join',
    lead: 'Enter the code that the facilitator shows.',
    codeLabel: 'Code',
    codeHint: '6 letters and numbers',
    nameLabel: 'Name',
    sideLegend: 'My work is',
    sideHint: {
      formeel: 'For example CJG, neighbourhood team',
      informeel: 'Volunteer or key figure',
    },
    submit: 'Join',
    submitting: 'One moment…',
    errors: {
      code: 'This code is not complete. A code has 6 characters.',
      name: 'Enter your name.',
      side: 'Choose formal or informal.',
    },
  },

  sides: {
    formeel: 'Formal',
    informeel: 'Informal',
  },

  roles: {
    facilitator: 'Facilitator',
    participant: 'Participant',
    projector: 'Projector',
  },

  colors: {
    geel: 'Yellow',
    blauw: 'Blue',
    groen: 'Green',
    roze: 'Pink',
    oranje: 'Orange',
    paars: 'Purple',
  },

  status: {
    connected: 'connected',
    offline: 'not connected — your work is kept',
    closed: 'not connected',
    saving: 'saving…',
    saved: 'saved',
    label: 'Connection',
  },

  board: {
    canvasLabel: 'Board. Tap an empty spot to make a note.',
    undo: 'Undo',
    redo: 'Redo',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomFit: 'Whole board',
    noteEditorLabel: 'Text of the note',
    done: 'Done',
    nextNote: 'New note',
    edit: 'Edit',
    delete: 'Delete',
    colorGroup: 'Colour',
    toolbarLabel: 'Note',
    readOnly: 'View only',
    newerSchema: 'This meeting was made with a newer version — reload the page',
    reload: 'Reload the page',
    noBoard: 'Loading the board…',
    noBoardOffline: 'The board will load when there is a connection…',
    bundleLabel: 'Stack of {n} notes',
    unbundle: 'Split the stack',
    emptyNote: '(empty)',
    roleToolbarLabel: 'Role card',
  },

  boards: {
    heading: 'Boards',
    addBoard: 'Add board',
    addTitle: 'Which board?',
    addTitleLabel: 'Name of the board',
    add: 'Add',
    cancel: 'Cancel',
    current: '(open)',
    other: 'Other',
    votes: '{n} votes',
    votesOne: '1 vote',
  },

  roleCards: {
    palette: 'Roles',
    paletteHint: 'Tap a role to put it in the trunk, or drag it to a spot.',
    formeel: 'Roles of the formal worker',
    informeel: 'Roles of the informal worker',
    own: 'Own role',
    ownTitle: 'Name of the role',
    ownDescription: 'What does this role do?',
    ownSide: 'Whose role is it?',
    ownAdd: 'Add role',
    sideNone: 'Together',
    add: 'Into the trunk',
    showPalette: 'Roles',
    // The quoted question is a board's own (Dutch) title, as printed.
    bringInEmpty: 'Nothing written yet at "Wat is je eigen kracht?".',
    bringInAdd: 'Put at the roots',
    hidePalette: 'Hide roles',
  },

  references: {
    heading: 'Check answers',
    show: 'Show on the board',
    hide: 'Hide from the board',
    blindSpots: 'Blind spots: not named yet',
    allCovered: 'Everything on the list has been named.',
    covered: 'Named',
    rule: 'An answer counts as named when a note on this board has one of these words:',
    count: '{n} of {total} named',
  },

  voting: {
    vote: 'Vote for this idea',
    unvote: 'Take back your vote',
    left: 'You have {n} of {limit} votes left.',
    none: 'You have used all your votes. Take one back to choose again.',
    count: '{n} votes',
    countOne: '1 vote',
    label: 'Votes',
  },

  run: {
    heading: 'Lead',
    timer: 'Timer',
    timerLabel: 'What for?',
    minutes: 'Minutes',
    start: 'Start',
    pause: 'Pause',
    resume: 'Continue',
    stop: 'Stop',
    presets: [
      { label: 'Think on your own', minutes: 5 },
      { label: 'Prepare', minutes: 20 },
      { label: 'Present', minutes: 10 },
      { label: 'Discuss', minutes: 15 },
    ],
    timeUp: 'Time is up',
    timerAria: 'Time left',
    send: 'Send groups',
    sendSide: '{side} to',
    sendOrg: 'Per organisation',
    sendPerson: 'Per person',
    sendNone: '(do not send)',
    sendButton: 'Send to the boards',
    // Board titles are the toolkit's own (Dutch) words, as in the board list.
    sendKracht: 'Part B: formal → De kracht van informeel, informal → De kracht van formeel',
    sent: 'Sent',
    board: 'This board',
    lock: 'Lock',
    unlock: 'Unlock',
    lockReason: 'Reason for the participants',
    lockDefault: 'The facilitator has locked this board.',
    voting: 'Voting',
    votingOpen: 'Open voting',
    votingClose: 'Close voting',
    follow: 'Follow me',
    followOn: 'Everyone follows me',
    followOff: 'Stop following',
    projector: 'Projector',
    projectorOpen: 'Open projector',
    projectorMode: 'The projector shows',
    modes: { follow: 'What I show (follow me)', board: 'One board', side: 'Boards side by side', merged: 'Boards combined' },
    projectorBoards: 'Which boards?',
    projectorShow: 'Show',
  },

  meetingState: {
    locked: 'Locked: {reason}',
    lockedFacilitator: 'Locked for the participants: {reason}',
    following: 'You are following the facilitator',
    votingClosed: 'Voting is closed.',
    sentTo: 'The facilitator sends you to: {board}',
  },

  projector: {
    title: 'Projector',
    join: 'Join',
    merged: 'Combined: {boards}',
    nothing: 'The facilitator chooses what is shown here.',
  },

  agreements: {
    add: 'New agreement',
    edit: 'Edit agreement',
    save: 'Done',
    delete: 'Delete',
    fieldEdit: 'Fill in',
    empty: 'No agreements yet. Tap "New agreement".',
  },

  meeting: {
    joinPanel: 'Join',
    codeLabel: 'Code',
    urlLabel: 'Or go to',
    presence: 'Present',
    you: '(you)',
    showPanel: 'Present',
    hidePanel: 'Hide panel',
    deleteMeeting: 'Delete meeting',
    deleteConfirm: 'Everything in this meeting will be erased for good. Are you sure?',
    deleteYes: 'Yes, erase everything',
    deleteNo: 'Cancel',
    deleting: 'Erasing…',
    untitled: 'Meeting',
  },

  closed: {
    title: 'No connection to this meeting',
    byCode: {
      4400: 'The connection was refused because something was not right.',
      4401: 'Your access to this meeting has expired or is not valid. Join again with the code.',
      4403: 'You are not allowed to open this meeting.',
      4404: 'This meeting does not exist (any more).',
      4410: 'The facilitator has deleted this meeting.',
      4408: 'The facilitator removed you from this meeting.',
      4422: 'This meeting cannot be opened right now: its stored data is damaged. An administrator can repair it; what is on this tablet stays here.',
      4429: 'This meeting has as many connections as it can take. Close tabs you do not use and try again.',
      1009: 'The changes on this tablet are too large to send at once. They stay on this tablet; ask the facilitator for help.',
    },
    fallback: 'The server closed the connection.',
    toJoin: 'Go to the join page',
  },

  errors: {
    network: 'No connection to the server. Check the wifi and try again.',
    unknown: 'Something went wrong. Please try again.',
  },

  report: {
    heading: 'Report',
    lead: 'Made on this device, also without internet.',
    pdf: 'PDF',
    pdfLabel: 'PDF of the whole meeting',
    png: 'PNG of this board',
    markdown: 'Text (Markdown)',
    busy: 'Working…',
    done: '{name} is ready ({seconds} s).',
    doneFast: '{name} is ready.',
    failed: 'That did not work. Please try again.',
    numberLocale: 'en-GB',
  },

  people: {
    orgLabel: 'Organisation',
    orgHint: 'May stay empty. For example: youth centre, community centre, mosque',
    continueLead: 'This tablet already takes part as {name}.',
    continueAs: 'Continue as {name}',
    changeDetails: 'Or change your details below.',
    qrLabel: 'QR code to join',
    qrHint: 'Scan with the camera',
    other: 'Other',
    noOrg: 'No organisation',
    remove: 'Remove',
    removeLabel: 'Remove {name}',
    removeConfirm: 'Remove {name} from the meeting? This tablet can then no longer take part.',
    removeYes: 'Yes, remove',
    removeNo: 'Cancel',
    removing: 'One moment…',
  },

  tools: {
    label: 'Tools',
    select: 'Select',
    pen: 'Pen',
    eraser: 'Eraser',
    inks: { zwart: 'Black', blauw: 'Blue', rood: 'Red', groen: 'Green' },
    widths: ['Thin', 'Medium', 'Thick'],
  },

  update: {
    ready: 'New version — reload',
    lead: 'A new version of Bodem is ready.',
    later: 'Later',
  },

  notFound: {
    title: 'This page does not exist',
  },
};
