import { describe, expect, test } from 'vitest'
import type { Example } from '../collection/example.js'
import { wildcardPath } from './path-steps.js'
import { WildcardTrie } from './wildcard-trie.js'

describe('WildcardTrie', () => {
  const paths = [
    '/users/{{id}}',
    '/users/{{id}}/posts',
    '/{{tenant}}/users/{{id}}',
    '/users/me/{{x}}',
    '/orders/{{id}}',
  ]
  const trie = new WildcardTrie()
  const examples = paths.map((path) => ({ path }) as unknown as Example)
  for (const example of examples) trie.insert(wildcardPath(example.path)!, example)
  const find = (path: string) =>
    trie
      .find(path.slice(1).split('/'))
      .map((e) => e.path)
      .sort()

  test('finds exactly the paths whose wildcards fit, one non-empty segment each', () => {
    expect(find('/users/7')).toEqual(['/users/{{id}}'])
    expect(find('/users/7/posts')).toEqual(['/users/{{id}}/posts'])
    expect(find('/acme/users/7')).toEqual(['/{{tenant}}/users/{{id}}'])
    expect(find('/users/me/x')).toEqual(['/users/me/{{x}}'])
    expect(find('/users/users/7')).toEqual(['/{{tenant}}/users/{{id}}'])
    expect(find('/users/')).toEqual([])
    expect(find('/users/7/comments')).toEqual([])
    expect(find('/users/a/b/c')).toEqual([])
  })
})
