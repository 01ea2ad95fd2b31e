/** Every word the Markdown twins and llms.txt print, in one place. */
export const twinStrings = {
  /** The link on each page to its twin. */
  viewAsMarkdown: 'View as Markdown',
  aside: { note: 'Note', tip: 'Tip', caution: 'Caution' },
  reflect: 'Reflect',
  generalSource: 'General knowledge',
  themeNotes: 'Notes in this theme',
  play: {
    outcome: 'Outcome',
    time: 'Time',
    people: 'People',
    builtOn: 'Built on',
    roles: 'Roles',
    materials: 'Materials',
    steps: 'Steps',
    step: (number: number, title: string, minutes: number) => `${number}. ${title} (${minutes} min)`,
    facilitator: 'Facilitator',
    questions: 'Worksheet questions',
    followUp: 'After the session',
  },
  glossary: { also: 'Also written', notes: 'Read more' },
  llms: {
    intro:
      'Every page listed here is a Markdown twin of a page of the site (the same address without .md is the page); llms-full.txt holds all notes in one file.',
    sections: { themes: 'Themes', notes: 'Notes', plays: 'Plays', glossary: 'Glossary' },
    fullTitle: (site: string) => `${site}: all notes`,
    address: 'Address',
  },
} as const;
