import { roleChangeRefusal } from '../../src/users/roleRules'

const admin = { id: 1, role: 'admin' }
const reviewer = { id: 2, role: 'reviewer' }
const writer = { id: 3, role: 'writer' }

describe('who may change a role', () => {
  it('lets an admin change someone else’s role', () => {
    expect(roleChangeRefusal(admin, writer, 'reviewer')).toBeUndefined()
  })

  it('never lets anyone change their own role, admins included', () => {
    expect(roleChangeRefusal(admin, admin, 'writer')).toBe('You cannot change your own role.')
    expect(roleChangeRefusal(writer, writer, 'admin')).toBe('You cannot change your own role.')
  })

  it('refuses reviewers and writers changing others’ roles', () => {
    expect(roleChangeRefusal(reviewer, writer, 'admin')).toBe('Only admins can change roles.')
    expect(roleChangeRefusal(writer, reviewer, 'writer')).toBe('Only admins can change roles.')
  })

  it('ignores updates that leave the role as it is', () => {
    expect(roleChangeRefusal(writer, writer, undefined)).toBeUndefined()
    expect(roleChangeRefusal(writer, writer, 'writer')).toBeUndefined()
  })

  it('lets system calls without a user (seeding, migrations) through', () => {
    expect(roleChangeRefusal(undefined, writer, 'admin')).toBeUndefined()
  })
})
