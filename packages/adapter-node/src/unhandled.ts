// Core (and msw with it) is loaded lazily through the runtime, so the start-up check can explain a failed load.
import { getRuntime } from './runtime.js'

/** Decides what happens to a request no handler answered: let it through, or refuse it. */
export type UnhandledDecision = (request: Request) => 'passthrough' | 'refuse'

interface FrameArgument {
  frame?: { data?: { request?: Request } }
}

function requestOf(argument: unknown): Request | undefined {
  if (!argument || typeof argument !== 'object') return undefined
  const candidate = argument as Partial<Request>
  if (typeof candidate.url === 'string' && typeof candidate.method === 'string') return argument as Request
  return (argument as FrameArgument).frame?.data?.request
}

/**
 * One function for both msw majors' unhandled-request option: msw 2 calls it as
 * `onUnhandledRequest(request, print)`, msw 3 as `onUnhandledFrame({ frame, defaults })`.
 * A refused request is never sent: throwing `Response.error()` makes msw answer it with a network
 * error (msw 2 and 3 both turn a thrown Response into the answer). Non-HTTP frames (WebSocket) that
 * no handler takes are refused with an error.
 */
export function unhandledStrategy(decide: UnhandledDecision): (argument: unknown) => void {
  return (argument) => {
    const request = requestOf(argument)
    if (!request) {
      throw new Error(
        getRuntime().core.formatMessage(
          'connect',
          'no collection serves WebSocket connections',
          'Add a ws handler with postman.server.use(...)',
        ),
      )
    }
    if (decide(request) === 'refuse') throw Response.error()
  }
}
