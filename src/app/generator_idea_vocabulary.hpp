#pragma once
// The vocabulary `cocreate gen` writes ideas and challenges with (generator_ideas.cpp): themes
// with their subjects, title and description patterns, comments. Titles are composed from a
// theme's subjects, so ideas of one challenge share words the way real duplicates do and the
// similar-idea search has something to find. Internal to the generator.
//
// As in generator_vocabulary.hpp, the order and length of every table is part of the output.

#include <array>

#include "app/generator_vocabulary.hpp"

namespace cocreate::app::gen {

struct IdeaTheme {
    const char* area;      // names spaces: "<area> Lab", "<area> Community"
    const char* question;  // the challenge title
    const char* problem;   // the challenge problem, first sentence
    std::array<const char*, 10> subjects;
};

inline constexpr std::array<IdeaTheme, 20> kIdeaThemes = {{
    {"Energy",
     "How might we cut the energy our plants use?",
     "Energy is now the second largest cost in every plant and customers ask for our footprint in every tender.",
     {"compressed air leaks", "peak load", "waste heat", "idle machines", "lighting", "solar on warehouse roofs",
      "battery storage", "cooling towers", "smart meters", "night shift consumption"}},
    {"Logistics",
     "How might deliveries arrive on time, every time?",
     "One delivery in eight arrives late and receiving teams find out when the truck is at the gate.",
     {"delivery slots", "truck arrival times", "pallet tracking", "route planning", "cross-docking",
      "returnable crates", "last-mile delivery", "customs paperwork", "freight invoices", "loading bays"}},
    {"Maintenance",
     "How might we fix machines before they break?",
     "Unplanned downtime costs our customers hours every month and our technicians arrive without the right parts.",
     {"vibration data", "spare parts", "service visits", "bearing wear", "pump failures", "maintenance logs",
      "remote diagnostics", "technician schedules", "oil analysis", "firmware updates"}},
    {"Circular",
     "How might our products get a second life?",
     "Most of what we sell ends in landfill and customers want to report recycled content.",
     {"used batteries", "packaging waste", "recycled plastics", "product take-back", "refurbished devices",
      "spare part harvesting", "textile offcuts", "repair manuals", "material passports", "deposit schemes"}},
    {"Customer Service",
     "How might customers solve their problems without calling us?",
     "The hotline answers the same twenty questions all day while complex cases wait.",
     {"order status questions", "invoice disputes", "installation guides", "warranty claims", "support tickets",
      "product manuals", "chat answers", "callback requests", "error codes", "onboarding calls"}},
    {"Water",
     "How might we use less water in production?",
     "Three of our sites are in regions with water stress and the permits get stricter every year.",
     {"rinse water", "cooling water", "rainwater harvesting", "leak detection", "wastewater reuse", "water meters",
      "cleaning cycles", "process water quality", "drought plans", "water footprint reports"}},
    {"Quality",
     "How might we catch defects earlier?",
     "Defects found at the customer cost us ten times what they cost at the line.",
     {"visual inspection", "weld seams", "surface scratches", "supplier batches", "test benches", "calibration records",
      "complaint analysis", "root cause reports", "sampling plans", "tolerance drift"}},
    {"Mobility",
     "How might people get to our sites without a car?",
     "Parking is full by eight and half of our people live less than fifteen kilometres away.",
     {"car pooling", "shuttle buses", "bike leasing", "parking spaces", "public transport passes", "e-scooters",
      "shift start times", "charging points", "remote work days", "commuting data"}},
    {"Data Sharing",
     "How might customers and we share data safely?",
     "Customers would give us machine data if they trusted what happens to it and got something back.",
     {"machine data", "usage statistics", "benchmark reports", "data contracts", "anonymised datasets",
      "consent records", "data spaces", "api access", "audit trails", "data quality scores"}},
    {"Workplace Safety",
     "How might nobody get hurt at work?",
     "Near misses are reported on paper and the same accidents happen at different sites.",
     {"near miss reports", "forklift traffic", "protective equipment", "safety walks", "lifting injuries",
      "noise exposure", "chemical storage", "lockout procedures", "first aid training", "slip hazards"}},
    {"Onboarding",
     "How might new colleagues be productive in their first week?",
     "New hires wait days for laptops and access and learn the job from whoever has time.",
     {"laptop setup", "access rights", "buddy programmes", "training videos", "first week plans", "mentoring",
      "team introductions", "safety briefings", "knowledge base articles", "feedback after 30 days"}},
    {"Smart Buildings",
     "How might our buildings run themselves?",
     "Heating, lights and meeting rooms run on fixed schedules whether anyone is there or not.",
     {"meeting room bookings", "heating schedules", "occupancy sensors", "air quality", "desk sharing",
      "visitor registration", "building automation", "elevator maintenance", "cleaning rounds", "facility tickets"}},
    {"Digital Sales",
     "How might customers buy from us online?",
     "Customers order by e-mail and phone and our sales team retypes every order.",
     {"online ordering", "price quotes", "product configurators", "reorder reminders", "customer portals",
      "spare parts shop", "delivery tracking", "payment terms", "product catalogues", "sample requests"}},
    {"Carbon",
     "How might we report and cut our customers' carbon footprint?",
     "Every large customer now asks for product carbon footprints and we answer with estimates.",
     {"product footprints", "scope 3 emissions", "supplier emissions data", "carbon labels", "transport emissions",
      "offset projects", "green electricity", "emission factors", "lifecycle assessments", "reduction targets"}},
    {"Agriculture",
     "How might farmers get more from less?",
     "Our farming customers face lower yields, higher input prices and new reporting duties.",
     {"soil moisture", "fertiliser use", "crop yields", "irrigation", "field sensors", "weather forecasts",
      "harvest planning", "livestock health", "pesticide records", "greenhouse climate"}},
    {"Health",
     "How might patients spend less time waiting?",
     "Clinics using our devices lose hours to paperwork and patients wait for results.",
     {"appointment booking", "lab results", "device cleaning", "patient records", "waiting times", "home monitoring",
      "medication reminders", "nurse schedules", "device alarms", "discharge planning"}},
    {"Procurement",
     "How might buying become fast and simple?",
     "A simple purchase takes three weeks and five approvals, and suppliers send paper invoices.",
     {"purchase requests", "supplier onboarding", "contract renewals", "approval chains", "catalogue buying",
      "supplier risk", "tail spend", "invoice matching", "framework agreements", "supplier diversity"}},
    {"Skills",
     "How might our people learn the skills of tomorrow?",
     "Automation changes every job on the shop floor and training is still a yearly classroom day.",
     {"micro learning", "skill matrices", "job rotation", "apprenticeships", "certification paths", "learning budgets",
      "peer teaching", "virtual reality training", "career paths", "language courses"}},
    {"Retail",
     "How might shops never run out of stock?",
     "Empty shelves lose sales every day while back rooms are full of the wrong products.",
     {"shelf gaps", "stock counts", "demand forecasts", "store replenishment", "price labels", "click and collect",
      "returns handling", "promotions planning", "expiry dates", "store layouts"}},
    {"Cybersecurity",
     "How might we keep attackers out of our factories?",
     "Production networks run old systems that nobody dares to patch.",
     {"phishing e-mails", "password resets", "network segmentation", "patch management", "remote access",
      "security awareness", "incident response", "backup tests", "device inventories", "supplier access"}},
}};

// Idea titles: a pattern filled with the subject, sometimes followed by a context.
inline constexpr std::array kIdeaTitlePatterns = {"Predict {} with machine learning",
                                                  "Live dashboard for {}",
                                                  "Automatic alerts on {}",
                                                  "Share {} data with suppliers",
                                                  "A customer portal for {}",
                                                  "Reward teams for reducing {}",
                                                  "Pilot: {} at one plant",
                                                  "Benchmark {} across sites",
                                                  "Use drones to inspect {}",
                                                  "Pay-per-use model for {}",
                                                  "Open API for {}",
                                                  "Monthly {} report for customers",
                                                  "Cut {} by half",
                                                  "Crowdsource fixes for {}",
                                                  "Mobile app to log {}",
                                                  "Digital twin of {}",
                                                  "Sensors to track {}",
                                                  "Partner with a start-up on {}",
                                                  "Chatbot that answers questions on {}",
                                                  "Standardise {} across regions",
                                                  "QR codes for {}",
                                                  "Self-service kiosk for {}",
                                                  "Weekly stand-up about {}",
                                                  "Marketplace for {}"};
inline constexpr std::array kIdeaContexts = {
    " in cold storage",    " for small customers",   " on night shifts",   " across all plants",
    " in the Nordics",     " for field technicians", " at the Lyon site",  " for key accounts",
    " during peak season", " in our warehouses",     " for new customers", " with our distributors",
    " in Southern Europe", " for the service team",  " before audits",     " in the pilot region"};

// Description sentences: the pain (with the subject), the proposal, the benefit, a note.
inline constexpr std::array kIdeaPains = {
    "Today nobody sees {} until a customer complains.",
    "We track {} in spreadsheets that three people update by hand.",
    "Every site handles {} differently and nobody knows which way works best.",
    "Customers keep asking about {} and we have no good answer.",
    "Problems with {} cost us several days every quarter.",
    "Our technicians spend hours each week chasing information about {}.",
    "The last audit flagged {} as a risk we do not measure.",
    "Competitors already offer something for {} and we lose deals because of it."};
inline constexpr std::array kIdeaProposals = {
    "Start small with one team and a simple prototype, then roll it out if the numbers hold.",
    "Reuse the data we already collect and show it where people make decisions.",
    "Run a three-month pilot with one customer who already asked for this.",
    "Buy an off-the-shelf tool first and only build what is missing.",
    "Let the people who do the work design the first version with us.",
    "Set a clear target, measure it weekly and publish the results.",
    "Combine it with the existing service contract so customers pay per use.",
    "Ask two suppliers to co-develop it and share the savings."};
inline constexpr std::array kIdeaBenefits = {"This could save about {}% of the time spent on it.",
                                             "We expect {}% fewer complaints within a year.",
                                             "Customers in the last workshop said it would cut their costs by {}%.",
                                             "It would pay for itself in {} months.",
                                             "A quick estimate says we would reduce waste by {}%.",
                                             "The pilot team thinks {}% of the manual work disappears."};
inline constexpr std::array kIdeaNotes = {"{} mentioned the same problem in our last customer meeting.",
                                          "I talked to {} about it and they would test a first version.",
                                          "{} has a similar solution running and offered to share what they learned.",
                                          "Happy to lead this together with {}."};
inline constexpr std::array kIdeaTags = {"quick-win",      "pilot",       "customer-request", "cost-saving",
                                         "sustainability", "data",        "automation",       "safety",
                                         "digital",        "partnership", "experiment",       "long-term"};
inline constexpr std::array kDeclineReasons = {
    "Overlaps with a project that is already running.", "The business case does not hold at our volumes.",
    "Needs a budget we do not have this year; please submit again next year.", "Legal cannot clear the data use."};

inline constexpr std::array kChallengeSuffixes = {
    "", "", "", " (Nordics)", " (DACH)", " (second round)", " (pilot sites)", " (2026 edition)"};
inline constexpr std::array kChallengeGoals = {"Ideas we can pilot within six months",
                                               "At least one customer willing to co-develop",
                                               "A measurable saving within a year",
                                               "Solutions that work at every site",
                                               "Ideas from the people closest to the problem",
                                               "Options we can offer to customers as a service"};
struct CriterionWords {
    const char* key;
    const char* text;
    int weight;
};
inline constexpr std::array<CriterionWords, 5> kChallengeCriteria = {{{"impact", "Impact on the problem", 3},
                                                                      {"feasibility", "Feasible within a year", 2},
                                                                      {"customer_value", "Value for customers", 3},
                                                                      {"cost", "Cost to build and run", 1},
                                                                      {"speed", "Time to a first result", 2}}};
inline constexpr std::array kProtocolTexts = {
    "Submit ideas during the submission phase; discuss and build on each other's ideas; vote for the ideas you "
    "would back; the jury reviews the top ideas against the criteria.",
    "Everyone in the space may submit and comment. Votes are counted per person; the sponsor decides after the "
    "review, based on the criteria and the discussion."};
inline constexpr std::array kProtocolAmendments = {"Voting extended by a week after the holidays.",
                                                   "Added customer value as a criterion.",
                                                   "The jury now includes two customers."};

// Comments: patterns with the subject, or plain text.
inline constexpr std::array kCommentPatterns = {
    "Great idea! Have you talked to the team that owns {} already?",
    "We tried something similar with {} two years ago; the hard part was getting the data.",
    "+1, this would help our field teams a lot.",
    "How would this work for customers who do not share {} with us?",
    "I can share our numbers on {} if that helps.",
    "Could we combine this with the existing dashboard instead of building a new tool?",
    "What would a first pilot cost? A rough figure would help the jury.",
    "Our customers asked about {} twice this month, so the timing is good.",
    "I like it, but who maintains it after the pilot?",
    "There is a start-up in our network that does exactly this for {}.",
    "Have a look at the similar idea in this space; maybe you can join forces.",
    "This only works if procurement is on board from the start.",
    "We measured {} at our site last year, happy to send the data.",
    "Would customers pay for this, or is it part of the service?",
    "Good point on {}. I would start with the largest site.",
    "The legal side looks fine to me as long as the data stays anonymised.",
    "Let's bring this to the next customer workshop.",
    "Thanks, updated the description with the figures from the pilot."};
inline constexpr std::array kModerationNotes = {"Removed: off-topic", "Removed: personal data",
                                                "Removed: duplicate post"};

}  // namespace cocreate::app::gen
