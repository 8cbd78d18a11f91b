import { describe, expect, it } from 'vitest'
import { connectionOf, postgresError } from '../../../src/catalog/sql/open.js'

describe('connectionOf (catalog.url as node-pg settings)', () => {
  it('takes host, port, user and database apart, with the default port and percent-decoding', () => {
    expect(connectionOf('postgres://chart%40clerk@db.example.org/records%20main')).toMatchObject({
      host: 'db.example.org',
      port: 5432,
      user: 'chart@clerk',
      database: 'records main',
      ssl: undefined,
    })
    expect(connectionOf('postgresql://u@10.0.0.9:6543/cat')).toMatchObject({ host: '10.0.0.9', port: 6543, user: 'u', database: 'cat' })
  })

  it('sslmode=require encrypts; verify-ca and verify-full also check the certificate', () => {
    expect(connectionOf('postgres://u@db/cat?sslmode=require').ssl).toEqual({ rejectUnauthorized: false })
    expect(connectionOf('postgres://u@db/cat?sslmode=verify-full').ssl).toEqual({ rejectUnauthorized: true })
    expect(connectionOf('postgres://u@db/cat?sslmode=disable').ssl).toBeUndefined()
  })

  it('carries no password: it comes only from the password file or the environment', () => {
    expect(connectionOf('postgres://u@db/cat')).not.toHaveProperty('password')
  })
})

describe('postgresError', () => {
  it('names an unknown failure with its code and where, without the password', () => {
    const e = postgresError(Object.assign(new Error('boom'), { code: '53300' }), 'u@db:5432/cat')
    expect(e.code).toBe('CATALOG_FAILED')
    expect(e.action).toMatch(/u@db:5432\/cat cannot be used \(53300\)/)
  })

  it('a host name that does not resolve is "does not answer", and transient', () => {
    const e = postgresError(Object.assign(new Error('getaddrinfo ENOTFOUND db'), { code: 'ENOTFOUND' }), 'u@db:5432/cat')
    expect(e).toMatchObject({ code: 'CATALOG_UNREACHABLE', transient: true })
  })
})
