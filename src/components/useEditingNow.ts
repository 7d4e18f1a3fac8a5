'use client'
import { useEffect, useState } from 'react'

import { leavePresence, sendPresence } from './workflowApi'

/** Every 15 s: well within the server's 45 s before it forgets an editor. */
const HEARTBEAT_MS = 15_000

type Editor = Awaited<ReturnType<typeof sendPresence>>['editing'][number]

/** Who else has this document open in the edit view, kept fresh while it is open here. */
export function useEditingNow(apiRoute: string, collection: string | undefined, id: number | string | undefined) {
  const [editing, setEditing] = useState<Editor[]>([])
  useEffect(() => {
    if (!collection || id === undefined) return
    let current = true
    const beat = () =>
      sendPresence(apiRoute, collection, id).then(
        (answer) => current && setEditing(answer.editing),
        // Presence is a courtesy: a failed heartbeat must not disturb editing.
        () => undefined,
      )
    void beat()
    const timer = setInterval(beat, HEARTBEAT_MS)
    return () => {
      current = false
      clearInterval(timer)
      void leavePresence(apiRoute, collection, id)
    }
  }, [apiRoute, collection, id])
  return editing
}
