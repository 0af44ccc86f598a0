#pragma once
// The vocabulary `cocreate gen` draws from: names, organisations, tags, titles and the
// weighted choices behind kinds, sizes, levels and interaction types. Internal to the
// generator (namespace cocreate::app::gen); nothing here is part of the public API.
//
// The order and length of every table is part of the output: Dice draws indices into them,
// so editing a table changes the data generated for every seed.

#include <array>

namespace cocreate::app::gen {

struct Weighted {
    const char* value;
    int weight;
};

inline constexpr std::array kFirstNames = {
    "Anna",  "Ben",    "Clara",  "David", "Elena",  "Felix", "Greta",  "Hugo",   "Ines",   "Jonas",  "Karin", "Lars",
    "Maria", "Noah",   "Olivia", "Paul",  "Quinn",  "Rosa",  "Sven",   "Tara",   "Ugo",    "Vera",   "Will",  "Xenia",
    "Yusuf", "Zoe",    "Amir",   "Birte", "Carlos", "Dana",  "Emil",   "Fatima", "Gustav", "Hanna",  "Ivan",  "Julia",
    "Kofi",  "Lena",   "Marco",  "Nina",  "Oskar",  "Priya", "Rafael", "Sofia",  "Tomas",  "Ulla",   "Viktor", "Wen",
    "Yara",  "Zeynep", "Aiko",   "Bruno", "Chloe",  "Diego", "Eva",    "Finn",   "Gina",   "Henrik", "Isla",  "Jan"};
inline constexpr std::array kLastNames = {
    "Andersen", "Bauer",   "Costa",   "Dubois",   "Eriksson", "Fischer",  "Garcia",  "Hoffmann", "Ivanova", "Jensen",
    "Kowalski", "Lehmann", "Martin",  "Novak",    "Olsen",    "Petrov",   "Quist",   "Rossi",    "Schmidt", "Tanaka",
    "Ulrich",   "Vogel",   "Weber",   "Xu",       "Yilmaz",   "Zimmer",   "Almeida", "Berg",     "Chen",    "Dahl",
    "Engel",    "Fontaine", "Gruber", "Horvat",   "Ito",      "Jovanovic", "Keller", "Lindqvist", "Moreau", "Nielsen",
    "Okafor",   "Pereira", "Richter", "Santos",   "Thomsen",  "Urban",    "Varga",   "Wagner",   "Young",   "Zeller"};
// Brand names are two syllables: 30 × 30 = 900 brands before nouns and legal forms.
inline constexpr std::array kBrandHeads = {"Nor",  "Con",  "Hel",  "Ver", "Ast",  "Bright", "Cor",  "Del",  "Ever", "Fal",
                                    "Gran", "Hyd",  "Iri",  "Jun", "Kal",  "Lum",    "Mar",  "Nova", "Oro",  "Pel",
                                    "Quan", "Riv",  "Sol",  "Tek", "Uni",  "Vol",    "West", "Xen",  "Yor",  "Zen"};
inline constexpr std::array kBrandTails = {"wind", "toso", "ix",   "ano",  "ora",  "path",  "stone", "ta",   "green", "con",
                                    "ite",  "ra",   "dian", "gard", "mont", "line",  "vex",   "tis",  "field", "light",
                                    "bridge", "mar", "nova", "loop", "care", "spark", "haven", "form", "ridge", "wave"};
inline constexpr std::array kOrgNouns = {"Logistics", "Sensors",  "Energy",  "Health",   "Pharma",   "Retail",   "Bank",
                                  "Insurance", "Telecom",  "Software", "Systems", "Chemicals", "Foods",   "Mobility",
                                  "Robotics",  "Materials", "Labs",   "Analytics", "Networks", "Motors",  "Aerospace",
                                  "Water",     "Textiles", "Media",    "Farms",    "Solar",    "Hydrogen", "Devices",
                                  "Consulting", "Capital", "Foundation", "Institute", "Metals", "Packaging", "Glass",
                                  "Semiconductors", "Logic", "Grid", "Fleet", "Biotech"};
inline constexpr std::array kLegalForms = {"GmbH", "AG", "Ltd", "plc", "SA", "SAS", "BV", "NV", "AB", "Oy", "S.p.A.", "Inc."};
// Internal teams come first among the organisations (gatekeepers are their people).
inline constexpr std::array kInternalTeams = {"Group Legal",        "Corporate Tax",       "HR Business Partners",
                                       "Strategic Procurement", "Group Finance",    "Information Security",
                                       "Compliance Office",  "Innovation Office"};
inline constexpr std::array kGatekeeperAreas = {"legal", "tax", "hr", "procurement", "finance", "security", "compliance", "other"};
inline constexpr std::array kIndustries = {"Automotive", "Logistics",  "Energy",        "Healthcare",      "Pharmaceuticals",
                                    "Retail",     "Banking",    "Insurance",     "Telecommunications", "Software",
                                    "Manufacturing", "Chemicals", "Food & Beverage", "Public Sector", "Education",
                                    "Construction", "Aerospace", "Media",        "Agriculture",     "Utilities"};
inline constexpr std::array kRegions = {"DACH",  "Nordics", "UK & Ireland",  "France", "Benelux",     "Iberia",
                                 "Italy", "CEE",     "North America", "LATAM",  "APAC",        "Middle East"};
inline constexpr std::array kTags = {
    "ai",           "sustainability", "iot",           "pilot",         "key-account",       "strategic",
    "renewal-2027", "beta-program",   "advisory-board", "circular-economy", "data-sharing",   "hydrogen",
    "digital-twin", "predictive-maintenance", "supply-chain", "cybersecurity", "cloud",      "edge",
    "robotics",     "esg",            "open-innovation", "startup",      "university-lab",    "joint-venture",
    "co-development", "reference-customer", "early-adopter", "budget-holder", "decision-maker", "champion",
    "detractor",    "event-contact",  "newsletter",    "workshop-alumni", "hackathon",        "mobility",
    "smart-city",   "healthtech",     "fintech",       "regulatory"};
inline constexpr std::array kJobTitles = {"Head of Innovation", "CTO",           "Procurement Manager", "Plant Manager",
                                   "Head of R&D",        "Managing Director", "Product Owner",       "Data Scientist",
                                   "Sustainability Lead", "Legal Counsel", "Operations Director", "IT Architect",
                                   "Category Manager",   "Professor",     "Policy Officer",      "Sales Director"};
inline constexpr std::array kContactRoles = {"decision maker", "influencer", "user", "gatekeeper", "champion", "sponsor"};
inline constexpr std::array kTeamRoles = {"account lead", "solution architect", "executive sponsor", "innovation scout",
                                   "service manager"};
inline constexpr std::array kCapacityTeams = {"Key Accounts", "Innovation Lab", "Partnerships", "Customer Success",
                                       "Public Affairs", "Ventures"};
inline constexpr std::array kInterestTopics = {"predictive maintenance", "carbon reporting", "self-service portal",
                                        "data sharing pilot",     "digital twin",     "route optimisation",
                                        "joint research",         "new pricing model", "field trial"};
inline constexpr std::array kNeedTitles = {"Wants real-time visibility of shipments", "Struggles with manual reporting",
                                    "Needs a certified supplier for recycled material", "Pain: long approval cycles",
                                    "Looking for a partner for a field trial", "Pain: data silos across plants"};
inline constexpr std::array kFollowUpTitles = {"Send the proposal", "Share the meeting notes", "Schedule a technical deep dive",
                                        "Prepare the pilot plan", "Introduce our product team", "Send pricing options",
                                        "Check legal terms", "Book the site visit", "Collect feedback on the demo"};
inline constexpr std::array kPromises = {"Deliver the pilot report", "Provide API access for the trial",
                                  "Share the sustainability data", "Invite them to the advisory board"};
inline constexpr std::array kAsks = {"Expects a price proposal", "Expects quarterly roadmap updates",
                              "Expects a named contact for support", "Expects results of the field trial"};
inline constexpr std::array kSummaries = {"Walked through the roadmap; strong interest in the pilot.",
                                   "Discussed pain points in reporting and possible next steps.",
                                   "Short status check; no blockers.",
                                   "Presented the prototype; asked for a second session with their engineers.",
                                   "Reviewed the contract draft with procurement."};
inline constexpr std::array kOutcomes = {"Agreed on a pilot", "Proposal requested", "Follow-up meeting planned",
                                  "On hold until next budget cycle", "Introduced to a new decision maker"};

inline constexpr std::array kLevels = {"unaware", "aware", "interested", "engaged", "co_creating", "advocate"};
inline constexpr std::array<Weighted, 6> kLevelWeights = {{{"unaware", 20}, {"aware", 30}, {"interested", 25},
                                                    {"engaged", 14}, {"co_creating", 8}, {"advocate", 3}}};
inline constexpr std::array<Weighted, 8> kExternalKinds = {{{"customer", 45}, {"prospect", 22}, {"partner", 10},
                                                     {"supplier", 10}, {"regulator", 2}, {"ngo", 3},
                                                     {"academia", 5}, {"other", 3}}};
inline constexpr std::array<Weighted, 5> kSizes = {{{"micro", 10}, {"small", 25}, {"medium", 30}, {"large", 25},
                                             {"enterprise", 10}}};

struct InteractionType {
    const char* type;
    int weight;
    const char* mode;
    int minutes;
    const char* title;  // fmt pattern with the organisation's name
};
inline constexpr std::array<InteractionType, 8> kInteractionTypes = {{
    {"call", 25, "remote", 30, "Call with {}"},
    {"video_call", 30, "remote", 45, "Video call: {} roadmap"},
    {"meeting", 18, "in_person", 60, "Meeting at {}"},
    {"visit", 5, "in_person", 180, "Site visit: {}"},
    {"workshop", 6, "in_person", 240, "Co-creation workshop with {}"},
    {"email", 10, "remote", 10, "E-mail exchange with {}"},
    {"event", 4, "in_person", 120, "Met {} at a trade fair"},
    {"other", 2, "remote", 20, "Touchpoint with {}"},
}};

// ---- co-innovation projects (generator_projects.cpp) -------------------------------------

// Project titles are "<topic> with <customer>"; problems and hypotheses name the topic.
inline constexpr std::array kProjectTopics = {
    "Predictive maintenance", "Carbon reporting",   "Self-service portal", "Data sharing pilot",
    "Digital twin",           "Route optimisation", "Smart metering",      "Recycled packaging",
    "Remote diagnostics",     "Demand forecasting", "Battery second life", "Field service app",
    "Supplier scorecard",     "Energy monitoring",  "Quality inspection AI", "Spare parts marketplace"};
inline constexpr std::array kProblemPatterns = {
    "Customers lose days every quarter on manual work around {}; nobody owns the fix.",
    "Without {}, plants react to problems instead of preventing them.",
    "Procurement asks for {} in every tender and we cannot answer yet.",
    "Three key accounts named {} as their biggest gap in the last review."};
inline constexpr std::array kHypothesisPatterns = {
    "If we co-develop {} with two lighthouse customers, at least one will pay for a pilot.",
    "{} cuts the customer's reaction time in half within one quarter.",
    "Customers will share their operational data when {} gives them a benchmark in return.",
    "A shared roadmap for {} turns a supplier relationship into a partnership."};
inline constexpr std::array kKillCriteria = {
    "No customer commits time or data within the phase",  "No pilot site by the end of Co-design",
    "The business case stays below 1 M EUR a year",       "Legal does not clear the data sharing",
    "The sponsor withdraws the budget",                   "Interest stays at curious after five interviews"};
inline constexpr std::array kProjectRoles = {"product owner", "engineer", "designer", "data scientist",
                                             "account lead",  "analyst"};
inline constexpr std::array kCommitments = {"Two sites for the pilot", "Shares maintenance data monthly",
                                            "Joins the co-design workshops", "Named a product owner",
                                            "Reviews prototypes every sprint", ""};
inline constexpr std::array kGoRationales = {"Exit criteria met with evidence; the customer wants to continue.",
                                             "Strong signal from the interviews; go with the agreed scope.",
                                             "Evidence is convincing and the gatekeepers agree."};
inline constexpr std::array kHoldRationales = {"Waiting for the customer's budget cycle.",
                                               "The customer reorganises; we pause until a new owner is named.",
                                               "Capacity is needed for a pilot in delivery; pick up next quarter."};
inline constexpr std::array kPivotRationales = {"The problem is real but the solution does not fit; rethink it.",
                                                "Customers want a different scope; restart the phase with it.",
                                                "The riskiest assumption failed; go back and test the next one."};
inline constexpr std::array kKillRationales = {"The kill criteria are met; stop and keep the learnings.",
                                               "No customer is willing to co-create; stop now.",
                                               "The business case does not hold."};
inline constexpr std::array kLearnings = {"Customers liked the idea but would not share the data it needs.",
                                          "The problem was smaller than the first interviews suggested.",
                                          "The buying centre sits in procurement, not in operations.",
                                          "Without a sponsor on the customer side nothing moved."};
inline constexpr std::array kDoDifferently = {"Ask for data access in the first meeting.",
                                              "Quantify the problem before building anything.",
                                              "Bring procurement in from the start.", ""};

}  // namespace cocreate::app::gen
