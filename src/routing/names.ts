/** Provider names compare as people, not strings: "Webb, Marcus DO" and "Dr. Marcus Webb" agree. One definition, shared with the web desk's access rules. */
export { sameProvider } from '../web/access.js'
