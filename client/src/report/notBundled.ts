/**
 * Stands in for jsPDF's optional helpers (html2canvas, dompurify, canvg):
 * they serve `doc.html()` and SVG, which the report never calls, so the
 * build leaves ~380 kB of them out instead of shipping files nobody loads.
 */
const notBundled = (): never => {
  throw new Error('This part of jsPDF is not bundled with Bodem.');
};
export default notBundled;
