import Base
import Foundation
import Layout
import Render
import TestSupport

/// A PNG drawn through the renderer, for image figures.
func makeTestPNG(in dir: String) throws -> String {
    let shaper = try TextShaper()
    let path = dir + "/picture.png"
    try Renderer(shaper: shaper).writePNG(SpecimenDocument.samplePicture(theme: Theme()), to: path, dpi: 72)
    return path
}

let fixedDate = Date(timeIntervalSince1970: 1_703_980_800) // 2023-12-31

/// The specimen, laid out and written once for all PDF tests (laid out again by tests that need the model).
struct SpecimenBuild: Sendable {
    let pdf: String
    let image: String
}

let specimenBuild: SpecimenBuild = {
    let dir = scratchDirectory("specimen")
    let image = try! makeTestPNG(in: dir)
    let shaper = try! TextShaper()
    let doc = SpecimenDocument.document(imagePath: image, date: fixedDate)
    let laidOut = try! Typesetter(shaper: shaper).layout(doc)
    let pdf = dir + "/specimen.pdf"
    try! Renderer(shaper: shaper, creator: "Almanac test").writePDF(laidOut, to: pdf)
    return SpecimenBuild(pdf: pdf, image: image)
}()
