/**
 * Security headers (helmet) that the Payload admin still works with: Next renders inline
 * scripts and styles, so the content security policy allows those but nothing from elsewhere.
 */
import helmet from 'helmet'

export function securityHeaders({ devServer }: { devServer: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // Next's hydration data is inline; React's development build also needs eval.
        scriptSrc: ["'self'", "'unsafe-inline'", ...(devServer ? ["'unsafe-eval'"] : [])],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Upload previews are blob: and data: URLs.
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...(devServer ? ['ws:', 'wss:'] : [])],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    // Images under /api/media/file are embedded by the public website on its own origin.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  })
}
