'use client'
import { Button, toast } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { assignReviewers, errorMessage, fetchReviewers, personName, type WorkflowStatus } from './workflowApi'

interface Props {
  apiRoute: string
  collection: string
  id: number | string
  status: WorkflowStatus
  onAssigned: () => void
}

type Reviewer = Awaited<ReturnType<typeof fetchReviewers>>['docs'][number]

const assignedIds = (status: WorkflowStatus) =>
  status.assignees.map((person) => (typeof person === 'number' ? person : person.id))

/** Who reviews this document, and by when. Only reviewers who may approve it are offered. */
export function AssignReviewers({ apiRoute, collection, id, status, onAssigned }: Props) {
  const [reviewers, setReviewers] = useState<Reviewer[]>([])
  const [chosen, setChosen] = useState<number[]>(() => assignedIds(status))
  const [due, setDue] = useState(status.dueDate ? status.dueDate.slice(0, 10) : '')
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    fetchReviewers(apiRoute).then(
      ({ docs }) =>
        setReviewers(
          docs.filter(
            (one) => !status.approverRole || one.role === 'admin' || one.reviewerRoles?.includes(status.approverRole),
          ),
        ),
      (error: unknown) => toast.error(errorMessage(error)),
    )
  }, [apiRoute, status.approverRole])

  async function assign() {
    setBusy(true)
    try {
      // A due day means the end of that day, in the reviewer's own time.
      await assignReviewers(apiRoute, collection, id, chosen, due ? new Date(`${due}T23:59`) : null)
      toast.success('Assigned.')
      onAssigned()
    } catch (error) {
      toast.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="review-assign" data-testid="review-assign">
      <h4>Assigned reviewers</h4>
      {reviewers.map((reviewer) => (
        <label key={reviewer.id} className="workflow-drawer__acknowledge">
          <input
            type="checkbox"
            checked={chosen.includes(reviewer.id)}
            onChange={(event) =>
              setChosen((ids) =>
                event.target.checked ? [...ids, reviewer.id] : ids.filter((one) => one !== reviewer.id),
              )
            }
          />
          {personName(reviewer)}
        </label>
      ))}
      <label className="workflow-drawer__field">
        <span>Due (optional)</span>
        <input type="date" value={due} onChange={(event) => setDue(event.target.value)} />
      </label>
      <Button buttonStyle="secondary" margin={false} disabled={busy} onClick={() => void assign()}>
        Assign
      </Button>
    </section>
  )
}
