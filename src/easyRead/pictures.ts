/**
 * Pictures for Easy Read pages, by name, from OpenMoji (CC BY-SA 4.0, credited on the
 * accessibility statement). Values are OpenMoji file names (Unicode code points) in
 * node_modules/openmoji/color/svg/. Only these are published, at /pictures/<name>.svg.
 */
export const PICTURES = {
  advocate: '1F9D1-200D-1F4BC',
  speak: '1F5E3',
  listen: '1F442',
  phone: '1F4DE',
  text: '1F4AC',
  email: '1F4E7',
  form: '1F4DD',
  hospital: '1F3E5',
  home: '1F3E0',
  law: '2696',
  doctor: '1F9D1-200D-2695-FE0F',
  nurse: '1F469-200D-2695-FE0F',
  family: '1F46A',
  question: '2753',
  yes: '2705',
  no: '274C',
  free: '1F193',
  secret: '1F910',
  calendar: '1F4C5',
  clock: '1F552',
  meeting: '1F91D',
  help: '1F64B',
  warning: '26A0',
  emergency: '1F6A8',
  language: '1F310',
  sign: '1F91F',
  letter: '2709',
  police: '1F46E',
  medicine: '1F48A',
  decide: '1F914',
  complaint: '1F4E2',
  stop: '1F6D1',
  door: '1F6AA',
  computer: '1F4BB',
  lock: '1F512',
  heart: '2764',
  judge: '1F9D1-200D-2696-FE0F',
  list: '1F4CB',
  person: '1F9D1',
  thumbsUp: '1F44D',
  records: '1F4C1',
  new: '1F195',
  write: '270D',
  child: '1F9D2',
  people: '1F465',
  search: '1F50D',
  delete: '1F5D1',
  video: '1F4F9',
  money: '1F4B7',
  keyboard: '2328',
  council: '1F3E2',
  brain: '1F9E0',
} as const;

export type PictureName = keyof typeof PICTURES;

export function isPicture(name: string): name is PictureName {
  return Object.hasOwn(PICTURES, name);
}
