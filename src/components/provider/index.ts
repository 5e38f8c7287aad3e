import Point from '../easy-read/Point.astro';
import Link from '../Link.astro';
import Area from './Area.astro';
import BslContact from './BslContact.astro';
import CallbackTarget from './CallbackTarget.astro';
import CrisisContacts from './CrisisContacts.astro';
import Email from './Email.astro';
import Hours from './Hours.astro';
import Organisation from './Organisation.astro';
import Phone from './Phone.astro';
import ResponseTarget from './ResponseTarget.astro';
import ServiceName from './ServiceName.astro';
import TextNumber from './TextNumber.astro';

/** Components every MDX page may use without importing them (Point: a line of an Easy Read page). */
export const mdxComponents = {
  a: Link,
  Area,
  BslContact,
  CallbackTarget,
  CrisisContacts,
  Email,
  Hours,
  Organisation,
  Phone,
  Point,
  ResponseTarget,
  ServiceName,
  TextNumber,
};
