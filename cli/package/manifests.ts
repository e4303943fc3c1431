/**
 * What tells an LMS what a package holds: `imsmanifest.xml` for SCORM 1.2 and SCORM 2004 (4th
 * edition), `cmi5.xml` for cmi5. One item per module and per scenario, each launched by its own
 * page in lms/; a module whose check has questions carries the pass mark (SCORM 1.2's
 * masteryscore, 2004's minimum normalised measure, cmi5's masteryScore), and nothing else has one.
 * Written with fast-xml-builder (fast-xml-parser's builder, now its own package), which escapes
 * every value; no manifest is put together from strings.
 */
import XMLBuilder from 'fast-xml-builder';
import { hasPassMark, itemKey, type CourseItem, type PackageFormat } from '../../src/lms/course.ts';

/** An item as the manifest lists it: with its description and the page in lms/ that launches it. */
export interface ManifestItem {
  readonly item: CourseItem;
  readonly description: string;
  readonly launch: string;
}

export interface ManifestInput {
  readonly format: PackageFormat;
  /** The course's IRI: the package's and each item's identifiers are made from it. */
  readonly courseIri: string;
  readonly title: string;
  readonly description: string;
  /** The pass mark, 0 to 1. */
  readonly passMark: number;
  readonly items: readonly ManifestItem[];
  /** Every file in the package but the manifest, for the manifest's list of the course's files. */
  readonly files: readonly string[];
}

// Boolean attributes written out in full: `satisfiedByMeasure="true"`, as XML needs (HTML's bare `choice` is not XML).
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });
const declaration = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' } };

/** A manifest identifier: an XML ID (letters, digits, `-`, `_`, `.`), starting with a letter. */
const xmlId = (text: string) => `i-${text.replace(/[^A-Za-z0-9._-]/g, '-')}`;

/** The package's identifier: the course's IRI, or for a package of one item, that item's under it. */
const packageId = (input: ManifestInput) => (input.items.length === 1 ? `${input.courseIri}/${itemKey(input.items[0]!.item)}` : input.courseIri);

/** The manifest's file name in the package, for the format. */
export const manifestName = (format: PackageFormat): string => (format === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml');

/** The manifest for a package, as XML text. */
export function manifestXml(input: ManifestInput): string {
  if (input.format === 'cmi5') return cmi5Xml(input);
  const scorm12 = input.format === 'scorm12';
  const percent = String(Math.round(input.passMark * 100));
  const items = input.items.map(({ item }) => ({
    '@_identifier': xmlId(`item-${itemKey(item)}`),
    '@_identifierref': xmlId(`sco-${itemKey(item)}`),
    title: item.title,
    ...(hasPassMark(item)
      ? scorm12
        ? { 'adlcp:masteryscore': percent }
        : { 'imsss:sequencing': { 'imsss:objectives': { 'imsss:primaryObjective': { '@_objectiveID': 'knowledge-check', '@_satisfiedByMeasure': 'true', 'imsss:minNormalizedMeasure': String(input.passMark) } } } }
      : {}),
  }));
  const scormType = scorm12 ? '@_adlcp:scormtype' : '@_adlcp:scormType';
  const resources = [
    ...input.items.map(({ item, launch }) => ({
      '@_identifier': xmlId(`sco-${itemKey(item)}`),
      '@_type': 'webcontent',
      [scormType]: 'sco',
      '@_href': launch,
      file: { '@_href': launch },
      dependency: { '@_identifierref': 'i-course-files' },
    })),
    {
      '@_identifier': 'i-course-files',
      '@_type': 'webcontent',
      [scormType]: 'asset',
      file: input.files.filter((file) => !input.items.some(({ launch }) => launch === file)).map((file) => ({ '@_href': file })),
    },
  ];
  const namespaces = scorm12
    ? {
        '@_xmlns': 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
        '@_xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
        '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        '@_xsi:schemaLocation': 'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd',
      }
    : {
        '@_xmlns': 'http://www.imsglobal.org/xsd/imscp_v1p1',
        '@_xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3',
        '@_xmlns:adlseq': 'http://www.adlnet.org/xsd/adlseq_v1p3',
        '@_xmlns:adlnav': 'http://www.adlnet.org/xsd/adlnav_v1p3',
        '@_xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss',
        '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        '@_xsi:schemaLocation': 'http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd',
      };
  return builder.build({
    ...declaration,
    manifest: {
      '@_identifier': xmlId(packageId(input)),
      '@_version': '1',
      ...namespaces,
      metadata: { schema: 'ADL SCORM', schemaversion: scorm12 ? '1.2' : '2004 4th Edition' },
      organizations: {
        '@_default': 'i-course',
        organization: {
          '@_identifier': 'i-course',
          title: input.title,
          item: items,
          // Any item in any order: a trainee may take the modules and scenarios as they choose.
          ...(scorm12 ? {} : { 'imsss:sequencing': { 'imsss:controlMode': { '@_choice': 'true', '@_flow': 'true' } } }),
        },
      },
      resources: { resource: resources },
    },
  });
}

/** cmi5's course structure (cmi5 Quartz, section 13): the course, and one AU per item. */
function cmi5Xml(input: ManifestInput): string {
  const text = (value: string) => ({ langstring: { '@_lang': 'en', '#text': value } });
  return builder.build({
    ...declaration,
    courseStructure: {
      '@_xmlns': 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd',
      course: { '@_id': packageId(input), title: text(input.title), description: text(input.description) },
      au: input.items.map(({ item, description, launch }) => ({
        '@_id': `${input.courseIri}/${item.kind === 'module' ? 'modules' : 'scenarios'}/${item.id}`,
        // A module with a check counts once it is marked complete and its check is passed.
        '@_moveOn': hasPassMark(item) ? 'CompletedAndPassed' : 'Completed',
        ...(hasPassMark(item) ? { '@_masteryScore': String(input.passMark) } : {}),
        '@_launchMethod': 'AnyWindow',
        title: text(item.title),
        description: text(description),
        url: launch,
      })),
    },
  });
}
