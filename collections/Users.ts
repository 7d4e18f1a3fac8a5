import type { CollectionConfig } from 'payload'

import { adminOrSelf, isAdmin, isStaff, ROLES } from '../src/access/roles'
import { guardRoleChanges, makeFirstUserAdmin } from '../src/users/roleRules'

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'role'],
  },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
  },
  access: {
    admin: isStaff,
    create: isAdmin,
    // The team sees each other (authors, submitters, reviewers); the public sees nobody.
    read: isStaff,
    update: adminOrSelf,
    delete: isAdmin,
    // Payload's default lets any logged-in user unlock any account.
    unlock: isAdmin,
  },
  hooks: {
    beforeValidate: [makeFirstUserAdmin],
    // Role rules live in a hook, not in field access: field access silently drops the change,
    // while the hook answers 403 with the reason.
    beforeChange: [guardRoleChanges],
  },
  fields: [
    {
      name: 'name',
      type: 'text',
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: 'writer',
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      saveToJWT: true,
      admin: {
        description: 'Writers draft content, reviewers approve and publish it, admins also manage accounts.',
      },
    },
  ],
}
