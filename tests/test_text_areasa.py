"""areasa (issue 16): clinical wording and named places, the area misses left in every set
taken by kind as general rules, each tested here on sentences other than those of the corpus,
with controls the rule must leave alone.

- a spinal segment with a symptom word right after it ("R L5 paraesthesia", "T6 numbness"),
  or that closes a symptom ("band of numbness T10", "altered sensation S3-5", "reduced
  sensation at T10 level"), names its dermatome as "dermatome" does; a segment before
  anything else ("L5 radiculopathy", "disc L4/5", "T10 fracture") names none;
- a trigeminal division with a symptom after it ("new R V2 numbness") is its skin, and the
  side letter before it is a side;
- a whole named beside a dermatome, a nerve territory or an acupoint (the limb or hand it is
  on) says where it is: the territory is the numb area, the part of it in that whole;
- an acupoint named as where a symptom is felt ("paraesthesia at needle site LI4", "over
  ST36") is the point's region in data/points.yaml; a point only needled names none;
- a nerve compressed at one place, stated with no area named ("Impression: R cubital tunnel
  syndrome", "meralgia paraesthetica bilat"), is that nerve's skin (causes.yaml's nerve, its
  territory in nerves.yaml); asked about, denied, or a nerve whose skin covers the tunnel
  (the tibial nerve's for a tarsal tunnel), it names none;
- landmarks and clinical places: the first web space (top of the foot, back of the hand),
  the mental region (the chin), the scalp behind the vertex, a caesarean or Pfannenstiel
  scar (the lower belly), and a distal sensory loss "to" a level (the feet up to it).

Every word of the "# areasa" blocks of text.yaml has a sentence of its own
(``AREASA_WORDS``). Labels changed by convention are listed in each corpus file's header.
"""

from __future__ import annotations

import pytest

from acupoints import KnowledgeBase

from .textread import block_words, check_word_is_read, reading
from .vocabulary import AREASA_WORDS

V2 = {"face.cheek", "face.eye", "face.mouth", "face.nose", "head.temple"}
L5 = {"foot.big_toe", "foot.dorsum", "foot.second_toe", "foot.sole", "foot.third_toe", "leg"}
T10 = {"abdomen.lateral", "abdomen.lower", "back.lumbar", "back.upper"}
C6 = {"forearm", "hand.dorsum", "hand.index_finger", "hand.palm", "hand.thumb", "wrist"}


@pytest.mark.parametrize("key", sorted(AREASA_WORDS))
def test_every_areasa_word_is_read_as_listed(kb: KnowledgeBase, key: tuple[str, str]) -> None:
    check_word_is_read(kb, AREASA_WORDS, key)


def test_every_areasa_text_word_has_a_sentence() -> None:
    listed = {word for _, word in AREASA_WORDS}
    blocks = block_words("text.yaml", "areasa")
    assert len(blocks) >= 30
    assert not blocks - listed, sorted(blocks - listed)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a segment with a symptom after it, or closing one: its dermatome ...
        ("R L5 paraesthesia", L5, "right"),
        ("left L5 numbness", L5, "left"),
        ("band of numbness T10", T10, None),
        ("new band of reduced sensation at T10 level", T10, None),
        ("band-like numbness T10, worse at night", T10, None),
        ("altered sensation S4, no retention", {"back.sacral", "perineum"}, None),
        # ... but a segment named for a disc, a fracture or a root lesion names none
        ("numb foot, disc L4/5", {"foot"}, None),
        ("L5 radiculopathy R, numb big toe", {"foot.big_toe"}, "right"),
        ("numbness since my T10 fracture, in my shin", {"leg"}, None),
    ],
)
def test_a_segment_with_a_symptom_is_its_dermatome(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    got = reading(kb, text)
    assert (got[0], got[1]) == (areas, side)


def test_a_segment_a_symptom_closes_is_no_feeling_come_back(kb: KnowledgeBase) -> None:
    # "sensation S3" is the S3 dermatome, not a feeling that came back to the back ...
    assert reading(kb, "altered sensation S3-5")[0] == {"back.sacral", "buttock", "perineum"}
    # ... while "sensation back" before no segment still names no numb back
    assert reading(kb, "some sensation back now, my heel is still numb")[0] == {"foot.heel"}


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # a trigeminal division with a symptom after it: its skin, with its side
        ("new R V2 numbness", V2, "right"),
        ("V2 sensory loss L, gradual", V2, "left"),
        # "r" that is "are" before other words stays a word
        ("my cheeks r numb", {"face.cheek"}, "both"),
    ],
)
def test_a_trigeminal_division_with_a_symptom(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    got = reading(kb, text)
    assert (got[0], got[1]) == (areas, side)


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # the limb or hand a territory is on says where it is: the territory ...
        ("sensory disturbance R upper limb in a C6 distribution", C6, "right"),
        ("LUE paraesthesia C6 distribution", C6, "left"),
        (
            "numbness in the distribution of the ulnar nerve, right hand",
            {"hand.dorsum", "hand.little_finger", "hand.palm", "hand.ring_finger"},
            "right",
        ),
        # ... all of it: the L5 skin of the shin with that of the foot
        ("L5 paraesthesia R foot", L5, "right"),
        # a region of the territory itself is a part of it, not a whole it lies in
        ("sensory loss in the left T5 dermatome, nipple line", None, "left"),
        # a whole further off, in another sentence, stays a numb area of its own
        ("numb hands. L5 dermatomal numbness too", L5 | {"hand"}, "both"),
    ],
)
def test_a_whole_beside_a_territory_places_it(
    kb: KnowledgeBase, text: str, areas: set[str] | None, side: str | None
) -> None:
    got = reading(kb, text)
    if areas is None:
        assert got[0] == {t.region for t in kb.segment("T5").territory}
    else:
        assert got[0] == areas
    assert got[1] == side


@pytest.mark.parametrize(
    ("text", "areas", "side"),
    [
        # an acupoint where a symptom is felt: the point's region (points.yaml) ...
        ("residual paraesthesia at needle site LI4 L", {"hand.dorsum"}, "left"),
        ("hypoaesthesia over ST36 after the session", {"leg"}, None),
        ("tingling at the LI4 needling site R hand", {"hand.dorsum"}, "right"),
        ("numbness at the needling site over SP6 R", {"leg"}, "right"),
        # ... but a point only needled names no numb area
        ("numb R medial knee following needling at SP9", {"knee"}, "right"),
        ("numb hand, had LI4 needled", {"hand"}, None),
    ],
)
def test_an_acupoint_where_a_symptom_is_felt(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None
) -> None:
    got = reading(kb, text)
    assert (got[0], got[1]) == (areas, side)


def test_an_acupoint_region_comes_from_the_points_data(kb: KnowledgeBase) -> None:
    for code in ("LI4", "ST36", "SP6", "PC6", "LR3"):
        region = kb.point(code).location.region
        assert reading(kb, f"residual numbness at needle site {code}")[0] == {region}


@pytest.mark.parametrize(
    ("text", "areas"),
    [
        # a distal loss "to" a level is a stocking loss: the feet up to it ...
        ("symmetrical distal sensory loss to mid-shin", {"foot", "leg"}),
        ("reduced pinprick to mid-calf bilat", {"foot", "leg"}),
        # ... a distal loss "in" a part is that part
        ("distal sensory loss in the feet", {"foot"}),
        ("distal sensory loss lower legs", {"leg"}),
        # the first web space, the mental region, the scalp behind the vertex, a c-section scar
        ("numbness over the first web space of the foot", {"foot.dorsum"}),
        ("tingling in the first web space of my hand", {"hand.dorsum"}),
        ("new numbness of the mental region", {"face.mouth"}),
        ("my mental health is poor and my hands are numb", {"hand"}),
        ("numbness of the scalp posterior to the vertex", {"head.occiput", "head.vertex"}),
        ("patch of hypoaesthesia lateral to the Pfannenstiel scar", {"abdomen.lower"}),
        ("numb knee scar", {"knee"}),
    ],
)
def test_clinical_places(kb: KnowledgeBase, text: str, areas: set[str]) -> None:
    assert reading(kb, text)[0] == areas


def test_a_caesarean_scar_keeps_its_cause(kb: KnowledgeBase) -> None:
    assert reading(kb, "the skin above my caesarean scar is numb")[2] == "injury"


ULNAR = {"hand.dorsum", "hand.little_finger", "hand.palm", "hand.ring_finger"}


@pytest.mark.parametrize(
    ("text", "areas", "side", "cause"),
    [
        # a nerve compressed at one place, no area named: that nerve's skin ...
        ("Impression: L cubital tunnel syndrome, sensory only", ULNAR, "left", "cubital_tunnel"),
        ("meralgia paraesthetica bilat", {"thigh"}, "both", "meralgia_paresthetica"),
        # ... an area named is the area, the diagnosis its cause
        (
            "numb little finger, R cubital tunnel syndrome",
            {"hand.little_finger"},
            "right",
            "cubital_tunnel",
        ),
        # ... a diagnosis asked about or denied names none
        ("could it be cubital tunnel syndrome?", set(), None, None),
        ("no carpal tunnel, just tired", set(), None, None),
        # ... nor one whose nerve's skin covers the tunnel (all the tibial nerve's skin)
        ("R tarsal tunnel syndrome", set(), None, "tarsal_tunnel"),
        # ... nor a cause of no one nerve
        ("sciatica", set(), None, "sciatica"),
    ],
)
def test_a_nerve_compressed_at_one_place_is_its_skin(
    kb: KnowledgeBase, text: str, areas: set[str], side: str | None, cause: str | None
) -> None:
    assert reading(kb, text) == (areas, side, cause)
