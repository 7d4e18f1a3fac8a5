import type { CollectionConfig } from 'payload'

import { adminOrSelf, emailVisibleTo, isAdmin, isStaff, ROLES, teamVisibleTo } from '../src/access/roles'
import { guardRoleChanges, makeFirstUserAdmin } from '../src/users/roleRules'
import { answerUnknownEmailsLikeAccounts } from '../src/users/unknownEmails'

const LOGIN_LOCK = { maxLoginAttempts: 5, lockTime: 10 * 60 * 1000 }

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'role'],
  },
  auth: LOGIN_LOCK,
  access: {
    admin: isStaff,
    create: isAdmin,
    // The public sees nobody; see teamVisibleTo for who sees whom.
    read: teamVisibleTo,
    update: adminOrSelf,
    delete: isAdmin,
    // Payload's default lets any logged-in user unlock any account.
    unlock: isAdmin,
  },
  hooks: {
    beforeOperation: [answerUnknownEmailsLikeAccounts(LOGIN_LOCK)],
    beforeValidate: [makeFirstUserAdmin],
    // Role rules live in a hook, not in field access: field access silently drops the change,
    // while the hook answers 403 with the reason.
    beforeChange: [guardRoleChanges],
  },
  fields: [
    // Payload's own email field, with who may read it (and so filter or sort on it).
    { name: 'email', type: 'email', access: { read: emailVisibleTo } },
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
