/**
 * The family of a Content-Type: `json` (`application/json`, `*+json`, `text/json`), `xml`
 * (`application/xml`, `text/xml`, `*+xml`), `html`, `javascript`, `text` (other `text/*`), `form`
 * (`application/x-www-form-urlencoded`), `multipart`, `image`, `audio`, `video`, `font`; any other
 * type is its own family (`application/pdf`). `undefined` for no or an unreadable header.
 *
 * @example
 * contentFamily('application/problem+json; charset=utf-8') // 'json'
 */
export function contentFamily(contentType: string | null | undefined): string | undefined {
  const essence = contentType?.split(';')[0]?.trim().toLowerCase()
  if (!essence || !/^[\w.+-]+\/[\w.+-]+$/.test(essence)) return undefined
  const [type, subtype] = essence.split('/') as [string, string]
  if (subtype === 'json' || subtype.endsWith('+json')) return 'json'
  if (subtype === 'html' || subtype === 'xhtml+xml') return 'html'
  if (subtype === 'xml' || subtype.endsWith('+xml')) return 'xml'
  if (subtype === 'javascript' || subtype === 'ecmascript' || subtype === 'x-javascript') return 'javascript'
  if (subtype === 'x-www-form-urlencoded') return 'form'
  if (type === 'text') return 'text'
  if (['multipart', 'image', 'audio', 'video', 'font'].includes(type)) return type
  return essence
}

const PREVIEW_FAMILIES: Record<string, string> = {
  json: 'json',
  xml: 'xml',
  html: 'html',
  text: 'text',
  javascript: 'javascript',
}

/**
 * The family an example declares: its saved Content-Type, else its preview language (`json`, `xml`,
 * `html`, `text`, `javascript`), else `json` when its body is a JSON object or array, else `undefined`
 * (the example makes no claim, and the answer's family is not compared).
 *
 * @example
 * declaredFamily(undefined, 'json', '') // 'json'
 */
export function declaredFamily(
  contentType: string | undefined,
  previewLanguage: string | undefined,
  body: string,
): string | undefined {
  const saved = contentFamily(contentType)
  if (saved) return saved
  if (previewLanguage && Object.hasOwn(PREVIEW_FAMILIES, previewLanguage))
    return PREVIEW_FAMILIES[previewLanguage]
  return /^\s*[[{]/.test(body) ? 'json' : undefined
}
