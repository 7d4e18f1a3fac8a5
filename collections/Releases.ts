import type { CollectionConfig, CollectionSlug } from 'payload'

/** Where a release stands; only the release's own actions move it (src/releases). */
export const RELEASE_STATES = [
  { value: 'open', label: 'Open' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'published', label: 'Published' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'rolled_back', label: 'Rolled back' },
] as const

export type ReleaseState = (typeof RELEASE_STATES)[number]['value']

/** The most documents one release may hold. */
export const MAX_RELEASE_ITEMS = 500

/**
 * Documents that go live together: a season's campaign. The releases plugin (src/releases) adds
 * who may do what and the actions (add and remove items, publish, schedule, roll back, cancel);
 * everything below the description is written by those actions only.
 */
export const releasesCollection = (editorialCollections: CollectionSlug[]): CollectionConfig => ({
  slug: 'releases',
  labels: { singular: 'Release', plural: 'Releases' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'state', 'publishAt', 'updatedAt'],
    description: 'Documents that go live together, all at once or not at all.',
  },
  defaultSort: '-updatedAt',
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    { name: 'description', type: 'textarea', maxLength: 4000 },
    // Each item's readiness and the release's actions, as the server reports them.
    { name: 'panel', type: 'ui', admin: { components: { Field: '/src/components/ReleasePanel#ReleasePanel' } } },
    {
      name: 'state',
      type: 'select',
      options: RELEASE_STATES.map((state) => ({ ...state })),
      defaultValue: 'open',
      required: true,
      index: true,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'publishAt',
      type: 'date',
      index: true,
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'When a scheduled release goes live.',
        date: { pickerAppearance: 'dayAndTime' },
      },
    },
    { name: 'scheduledBy', type: 'relationship', relationTo: 'users', admin: { position: 'sidebar', readOnly: true } },
    { name: 'createdBy', type: 'relationship', relationTo: 'users', admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'items',
      type: 'array',
      maxRows: MAX_RELEASE_ITEMS,
      admin: { readOnly: true },
      fields: [
        { name: 'document', type: 'relationship', relationTo: editorialCollections, required: true },
        {
          name: 'version',
          type: 'text',
          admin: { description: 'The approved version pinned when the item was added (none: not approved then).' },
        },
        { name: 'addedBy', type: 'relationship', relationTo: 'users' },
        // Written when the release goes live, for rolling it back.
        { name: 'wasLive', type: 'checkbox', admin: { description: 'It was live before the release.' } },
        { name: 'liveBefore', type: 'text', admin: { description: 'The version live before the release.' } },
        { name: 'publishedVersion', type: 'text', admin: { description: 'The version the release put live.' } },
      ],
    },
    {
      name: 'outcome',
      type: 'group',
      admin: { readOnly: true },
      fields: [
        { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'by', type: 'relationship', relationTo: 'users' },
        {
          name: 'problems',
          type: 'json',
          admin: { description: 'Why the release could not go live, item by item.' },
        },
      ],
    },
  ],
})
